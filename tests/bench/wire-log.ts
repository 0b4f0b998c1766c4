/**
 * A pass-through HTTP proxy for the bench that notes when each request to the platform starts
 * (its head arrives) and when its answer has been handed back in full, on this process's clock
 * (performance.now). Used to say where the time of a measured operation goes: before the first
 * request, on the platform, between one answer and the next request, after the last answer.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireCall {
  method: string;
  path: string;
  start: number;
  end: number;
}

export interface WireLog {
  url: string;
  calls: WireCall[];
  close(): Promise<void>;
}

export async function startWireLog(target: string): Promise<WireLog> {
  const to = new URL(target);
  const calls: WireCall[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const call: WireCall = { method: req.method ?? '', path: req.url ?? '', start: performance.now(), end: NaN };
    const up = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on('finish', () => {
          call.end = performance.now();
          calls.push(call);
        });
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Where an operation's time went, from its start t0 to its end t1, given the calls it made (in
 * order): before the first call, in calls (on the platform, the proxy and the wire), between an
 * answer and the next call, after the last answer.
 */
export function breakdown(t0: number, t1: number, calls: WireCall[]): { before: number; platform: number; between: number; after: number } {
  const cs = [...calls].sort((a, b) => a.start - b.start);
  if (!cs.length) return { before: t1 - t0, platform: 0, between: 0, after: 0 };
  let platform = 0;
  let between = 0;
  let reach = cs[0]!.start;
  for (const c of cs) {
    // Overlapping calls count once.
    if (c.start > reach) between += c.start - reach;
    platform += Math.max(0, c.end - Math.max(c.start, reach));
    reach = Math.max(reach, c.end);
  }
  return { before: cs[0]!.start - t0, platform, between, after: t1 - reach };
}
