import { seededRandom } from '../../src/dsp/seededRandom';

/** Deterministic uniform [0, 1) generator for tests: the studio's own (mulberry32), the same sequence on every machine. */
export const createPrng = seededRandom;

/** Gaussian white noise of unit variance (Box-Muller over createPrng). */
export function gaussianNoise(length: number, seed: number): Float32Array {
  const random = createPrng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < length) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
