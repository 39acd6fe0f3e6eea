import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * The worker's TypeScript runs through tsx, as the command line does: a worker thread does
 * not inherit the main thread's loader, so a two-line script registers it and imports
 * the worker module.
 */
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then(({ register }) => { register(); return import(workerData.entry); });
`;

/** A worker thread running the TypeScript module at `entry` (a file URL) under tsx, with further `options` (resource limits, output streams). */
export function startTsxWorker(entry: URL, options: Omit<WorkerOptions, 'eval' | 'workerData'> = {}): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(WORKER_BOOTSTRAP, { ...options, eval: true, workerData: { loader, entry: entry.href } });
}
