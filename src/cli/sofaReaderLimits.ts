/**
 * Bounds on reading one SOFA file (readSofaInWorker.ts): HDF5 is a foreign parser over
 * untrusted bytes, and damaged files have made it spin forever or grow without end.
 *
 * The file size and the WebAssembly memory leave room for the largest sets the reader
 * accepts (io/sofaLimits.ts: 2^24 IR values, 128 MiB as float64, read once by HDF5 and
 * copied once to JavaScript); the JavaScript heap holds the file's bytes in h5wasm's
 * in-memory file system and the arrays read.
 */
export const SOFA_READER_TIMEOUT_MS = 20_000;
export const MAX_SOFA_FILE_BYTES = 256 * 2 ** 20;
export const SOFA_READER_WASM_MEMORY_BYTES = 1024 * 2 ** 20;
export const SOFA_READER_HEAP_MB = 1024;
