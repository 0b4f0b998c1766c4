/**
 * The core worker's log: electron-log's Node entry (no electron import), writing
 * `<data folder>/logs/core.log`, rotated, secrets masked. Unexpected errors of the worker
 * (uncaught exceptions, unhandled rejections, failures that are not an AppError) end up here.
 */
import log from 'electron-log/node';
import { LOG_MAX_BYTES, logsFolder, redactHook } from './log-file';
import { join } from 'node:path';

export function startWorkerLog(dataDir: string): typeof log {
  log.transports.file.resolvePathFn = () => join(logsFolder(dataDir), 'core.log');
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.console.level = 'warn';
  log.hooks.push(redactHook);
  process.on('uncaughtExceptionMonitor', (err) => log.error('core worker: uncaught exception:', err));
  process.on('unhandledRejection', (reason) => log.error('core worker: unhandled rejection:', reason));
  return log;
}
