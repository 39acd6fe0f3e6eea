/**
 * Page-side half of the array hand-over: the page exposes its arrays, the test reads them
 * with tests/e2e/support/pageArrays.ts.
 */
export function exposeArrays(arrays: Float32Array[]): number[] {
  (globalThis as { __e2eArrays?: Float32Array[] }).__e2eArrays = arrays;
  return arrays.map((a) => a.length);
}
