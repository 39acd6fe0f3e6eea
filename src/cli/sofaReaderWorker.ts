import { parentPort } from 'node:worker_threads';
import { FieldError } from '../core/fieldError';
import { readSofaHrirs } from '../io/sofa';
import type { SofaReaderReply, SofaReaderRequest } from './sofaReaderProtocol';

/**
 * A worker thread that reads one SOFA file (readSofaInWorker.ts starts a fresh one per
 * file, so a hang can be stopped and a damaged HDF5 module is thrown away with it).
 * h5wasm's WebAssembly memory may grow to 2 GB; here, in this thread only, a growth beyond
 * the request's wasmMemoryBytes is refused, which HDF5 sees as an allocation that failed.
 */
const port = parentPort;
if (port === null) throw new Error('sofaReaderWorker.ts runs as a worker thread (readSofaInWorker.ts starts it)');

const WASM_PAGE_BYTES = 65536;

port.once('message', ({ bytes, fileName, wasmMemoryBytes }: SofaReaderRequest) => {
  const grow = WebAssembly.Memory.prototype.grow;
  let growthRefused = false;
  WebAssembly.Memory.prototype.grow = function growWithinBound(this: WebAssembly.Memory, pages: number): number {
    if (this.buffer.byteLength + pages * WASM_PAGE_BYTES > wasmMemoryBytes) {
      growthRefused = true;
      throw new RangeError(`the SOFA reader's WebAssembly memory would pass ${wasmMemoryBytes} bytes`);
    }
    return grow.call(this, pages);
  };
  readSofaHrirs(bytes, fileName).then(
    (set) => post({ kind: 'read', set }),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (growthRefused) post({ kind: 'failed', message: `it needed more than its ${wasmMemoryBytes / 2 ** 20} MiB of WebAssembly memory: ${message}` });
      else if (error instanceof FieldError) post({ kind: 'refused', path: error.path, message });
      else if (error instanceof WebAssembly.RuntimeError) post({ kind: 'failed', message: `HDF5 stopped: ${message}` });
      else post({ kind: 'crashed', message: error instanceof Error ? `${error.name}: ${message}` : message });
    },
  );
});

function post(reply: SofaReaderReply): void {
  port!.postMessage(reply);
}
