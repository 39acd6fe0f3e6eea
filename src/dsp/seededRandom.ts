/**
 * Uniform [0, 1) from a 32-bit state (mulberry32, a 32-bit mixing generator): the same seed
 * gives the same sequence on every engine, so designs drawn from it (the decorrelation
 * filters) are the same in Node and in the browser.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
