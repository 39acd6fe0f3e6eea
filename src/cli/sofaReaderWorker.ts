import { parentPort } from 'node:worker_threads';
import { FieldError } from '../core/fieldError';
import { readSofaHrirs } from '../io/sofa';
import { SOFA_READER_WASM_MEMORY_BYTES } from './sofaReaderLimits';
import type { SofaReaderReply, SofaReaderRequest } from './sofaReaderProtocol';

/**
 * A worker thread that reads one SOFA file (readSofaInWorker.ts starts a fresh one per
 * file, so a hang can be stopped and a damaged HDF5 module is thrown away with it).
 * h5wasm's WebAssembly memory may grow to 2 GB; here, in this thread only, a growth beyond
 * SOFA_READER_WASM_MEMORY_BYTES is refused, which HDF5 sees as an allocation that failed.
 */
const port = parentPort;
if (port === null) throw new Error('sofaReaderWorker.ts runs as a worker thread (readSofaInWorker.ts starts it)');

const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function growWithinBound(this: WebAssembly.Memory, pages: number): number {
  if (this.buffer.byteLength + pages * 65536 > SOFA_READER_WASM_MEMORY_BYTES) {
    throw new RangeError(`the SOFA reader's WebAssembly memory would pass ${SOFA_READER_WASM_MEMORY_BYTES / 2 ** 20} MB`);
  }
  return grow.call(this, pages);
};

port.once('message', ({ bytes, fileName }: SofaReaderRequest) => {
  readSofaHrirs(bytes, fileName).then(
    (set) => post({ kind: 'read', set }),
    (error: unknown) =>
      post(
        error instanceof FieldError
          ? { kind: 'refused', path: error.path, message: error.message }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      ),
  );
});

function post(reply: SofaReaderReply): void {
  port!.postMessage(reply);
}
