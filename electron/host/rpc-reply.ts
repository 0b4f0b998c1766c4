/**
 * The RPC reply shape both transports share (desktop IPC, browser mode's /rpc): the request body
 * `{ method, input }`, and whatever a core call threw turned into the AppErrorShape that crosses.
 */
import { AppError, AppErrorShape } from '../../shared/contract/rpc/errors';

export function errorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  const parsed = AppErrorShape.safeParse(
    err && typeof err === 'object' ? { ...err, message: (err as Error).message } : null,
  );
  if (parsed.success) return parsed.data;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** A request body `{ method, input }` as both transports carry it. */
export function parseRpcRequest(body: unknown): { method: string; input: unknown } | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { method?: unknown; input?: unknown };
  if (typeof b.method !== 'string' || b.method.length > 100) return null;
  return { method: b.method, input: b.input ?? {} };
}
