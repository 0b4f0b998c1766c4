/**
 * The log files of the desktop app: `<data folder>/logs/<name>.log`, rotated by electron-log
 * (at 5 MB the file becomes `<name>.old.log`). Nothing secret is written: platform tokens,
 * passwords and Authorization headers are masked in every message before any transport sees it.
 */
import { join } from 'node:path';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

/** The folder the logs live in (the Help menu opens it). */
export function logsFolder(dataDir: string): string {
  return join(dataDir, 'logs');
}

const SECRET_FIELD =
  /((?:access[_-]?|x-access-|api[_-]?|refresh[_-]?)?token|password|passwd|secret|authorization)(["']?\s*[:=]\s*["']?)(?:bearer\s+)?[^\s"'&,;}]+/gi;
const BEARER = /\bbearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Masks secrets in one piece of text. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_FIELD, '$1$2[redacted]').replace(BEARER, 'Bearer [redacted]');
}

/** One logged value, as text with its secrets masked (errors keep their stack). */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return redactSecrets(value.stack ?? `${value.name}: ${value.message}`);
  if (value === null || typeof value !== 'object') return value;
  try {
    return redactSecrets(JSON.stringify(value));
  } catch {
    return '[unserialisable]';
  }
}

/** An electron-log hook: masks secrets in every argument of every message. */
export function redactHook<M extends { data: unknown[] }>(message: M): M {
  return { ...message, data: message.data.map(redactValue) };
}
