/**
 * The machine's faults the core met while running, for the renderer's banner (app.health): a
 * full disk since some time (cleared by the next write that succeeds: a whole sync or an applied
 * chunk of actions).
 */
import { localFault } from '../partner-api/errors';

export class LocalFaults {
  diskFullSince: string | null = null;

  /** Records the failure if it is the disk's; returns whether it was. */
  note(e: unknown, nowMs: number): boolean {
    if (localFault(e)?.code !== 'disk_full') return false;
    this.diskFullSince ??= new Date(nowMs).toISOString();
    return true;
  }

  /** A write went through: the disk has room again. */
  wrote(): void {
    this.diskFullSince = null;
  }
}
