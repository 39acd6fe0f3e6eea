import { stat, readFile } from 'node:fs/promises';
import { FieldError } from '../core/fieldError';
import type { MeasuredHrirSet } from '../core/measuredHrirSet';
import { MAX_SOFA_FILE_BYTES, SOFA_READER_HEAP_MB, SOFA_READER_TIMEOUT_MS, SOFA_READER_WASM_MEMORY_BYTES } from './sofaReaderLimits';
import type { SofaReaderReply, SofaReaderRequest } from './sofaReaderProtocol';
import { startTsxWorker } from './tsxWorker';

export interface SofaReadOptions {
  /** How long the reader may run before it is stopped and the file refused; default SOFA_READER_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** How far h5wasm's WebAssembly memory may grow; default SOFA_READER_WASM_MEMORY_BYTES. */
  readonly wasmMemoryBytes?: number;
}

/**
 * Reads the SOFA file at `path` (named `fileName` in errors) in a worker thread, within
 * the bounds of sofaReaderLimits.ts; a file larger than MAX_SOFA_FILE_BYTES is refused
 * before it is read.
 */
export async function readSofaFile(path: string, fileName: string, options: SofaReadOptions = {}): Promise<MeasuredHrirSet> {
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > MAX_SOFA_FILE_BYTES) throw tooLarge(fileName, size);
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof FieldError) throw error;
    throw new Error(`${fileName}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return readSofaInWorker(bytes, fileName, options);
}

/**
 * Reads SOFA bytes with io's readSofaHrirs in a fresh worker thread, so that HDF5 runs
 * where it can be stopped: after `timeoutMs` the worker is terminated and the file refused;
 * the worker's JavaScript heap is bounded by resourceLimits and its WebAssembly memory by
 * sofaReaderWorker.ts. What the worker prints (HDF5's diagnostics) is not passed on.
 * Refusals are FieldErrors naming the file, as readSofaHrirs's own; an exception of ours
 * in the worker (not the file's fault) is a plain Error naming it.
 */
export function readSofaInWorker(bytes: Uint8Array, fileName: string, options: SofaReadOptions = {}): Promise<MeasuredHrirSet> {
  if (bytes.length > MAX_SOFA_FILE_BYTES) return Promise.reject(tooLarge(fileName, bytes.length));
  const timeoutMs = options.timeoutMs ?? SOFA_READER_TIMEOUT_MS;
  const worker = startTsxWorker(new URL('./sofaReaderWorker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: SOFA_READER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise<MeasuredHrirSet>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const refuse = (problem: string): void => settle(() => reject(new FieldError(fileName, '', problem)));
    const timer = setTimeout(
      () => refuse(`the SOFA reader did not finish within ${formatSeconds(timeoutMs)}; the file may be damaged`),
      timeoutMs,
    );
    worker.on('message', (reply: SofaReaderReply) => settle(() => (reply.kind === 'read' ? resolve(reply.set) : reject(replyError(reply, fileName)))));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') refuse(`the SOFA reader ran out of its ${SOFA_READER_HEAP_MB} MB of memory; the file may be damaged`);
      else settle(() => reject(new Error(`${fileName}: the SOFA reader crashed (${error.message})`)));
    });
    worker.on('exit', (code) => refuse(`the SOFA reader stopped (exit code ${code}) before it answered`));
    const request: SofaReaderRequest = { bytes, fileName, wasmMemoryBytes: options.wasmMemoryBytes ?? SOFA_READER_WASM_MEMORY_BYTES };
    worker.postMessage(request);
  });
}

function replyError(reply: Exclude<SofaReaderReply, { kind: 'read' }>, fileName: string): Error {
  if (reply.kind === 'failed') return new FieldError(fileName, '', `the SOFA reader failed (${reply.message}); the file may be damaged`);
  if (reply.kind === 'crashed') return new Error(`${fileName}: the SOFA reader crashed (${reply.message})`);
  const prefix = `${fileName}: ${reply.path === '' ? '' : `${reply.path}: `}`;
  return new FieldError(fileName, reply.path, reply.message.startsWith(prefix) ? reply.message.slice(prefix.length) : reply.message);
}

function tooLarge(fileName: string, size: number): FieldError {
  return new FieldError(fileName, '', `expected a SOFA file of at most ${MAX_SOFA_FILE_BYTES} bytes (${MAX_SOFA_FILE_BYTES / 2 ** 20} MiB), got ${size} bytes`);
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}
