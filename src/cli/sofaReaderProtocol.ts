import type { MeasuredHrirSet } from '../core/measuredHrirSet';

/** What readSofaInWorker.ts sends its worker (sofaReaderWorker.ts): one file's bytes. */
export interface SofaReaderRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** How far h5wasm's WebAssembly memory may grow, in bytes. */
  readonly wasmMemoryBytes: number;
}

/** The worker's one answer: the set read, a refusal (a FieldError's field and message) or another failure. */
export type SofaReaderReply =
  | { readonly kind: 'read'; readonly set: MeasuredHrirSet }
  | { readonly kind: 'refused'; readonly path: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };
