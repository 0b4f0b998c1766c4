/**
 * CPU time, which the machine's load does not stretch the way it stretches wall time: this
 * process (all its threads, so the core's worker too) and another process by pid (/proc, Linux).
 */
import { readFileSync } from 'node:fs';

export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** utime + stime of a process in ms (Linux; NaN elsewhere). Clock ticks are 10 ms on Linux. */
export function pidCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Elapsed wall and CPU (this process, and another process when given) of what runs between start and stop. */
export function cpuMeter(otherPid?: number) {
  const w0 = performance.now();
  const s0 = selfCpuMs();
  const o0 = pidCpuMs(otherPid);
  return () => ({ wallMs: performance.now() - w0, selfCpuMs: selfCpuMs() - s0, otherCpuMs: pidCpuMs(otherPid) - o0 });
}
