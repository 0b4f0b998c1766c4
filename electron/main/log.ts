/**
 * The main process's log: electron-log writing `<userData>/logs/main.log`, rotated, secrets
 * masked (electron/core/log-file.ts). Unexpected errors of the main process (uncaught exceptions,
 * unhandled rejections) are logged; the core worker keeps its own `core.log` beside it.
 */
import log from 'electron-log/main';
import { join } from 'node:path';
import { LOG_MAX_BYTES, logsFolder, redactHook } from '../core/log-file';

export { log };

/** Once per process (a test may load this module more than once). */
const STARTED = Symbol.for('partner-desk.main-log');

/** Points the log at `<userData>/logs` and starts catching unexpected errors; returns the folder. */
export function startMainLog(userData: string, packaged: boolean): string {
  const folder = logsFolder(userData);
  log.transports.file.resolvePathFn = () => join(folder, 'main.log');
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.console.level = packaged ? false : 'warn';
  const p = process as NodeJS.Process & { [STARTED]?: true };
  if (!p[STARTED]) {
    p[STARTED] = true;
    log.hooks.push(redactHook);
    process.on('uncaughtExceptionMonitor', (err) => log.error('main: uncaught exception:', err));
    process.on('unhandledRejection', (reason) => log.error('main: unhandled rejection:', reason));
  }
  return folder;
}
