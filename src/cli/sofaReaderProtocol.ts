import type { MeasuredHrirSet } from '../core/measuredHrirSet';

/** What readSofaInWorker.ts sends its worker (sofaReaderWorker.ts): one file's bytes. */
export interface SofaReaderRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** How far h5wasm's WebAssembly memory may grow, in bytes. */
  readonly wasmMemoryBytes: number;
}

/**
 * The worker's one answer: the set read; a refusal (a FieldError's field and message); a
 * failure of the foreign parser on the file (a WebAssembly trap, memory beyond the bound);
 * or a crash, any other exception, which is a fault of ours, not the file's.
 */
export type SofaReaderReply =
  | { readonly kind: 'read'; readonly set: MeasuredHrirSet }
  | { readonly kind: 'refused'; readonly path: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'crashed'; readonly message: string };
