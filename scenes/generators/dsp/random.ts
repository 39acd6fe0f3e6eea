/**
 * A seeded pseudo-random generator, so that every stem is the same on every run and host
 * (no Math.random). Algorithm: mulberry32 (Tommy Ettinger, public domain), a 32-bit
 * counter passed through an integer mixing function; period 2^32, plenty for noise and
 * humanisation of a 32 s piece.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [-1, 1). */
  bipolar(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
}

const TWO_POW_32 = 4294967296;

export function createRandom(seed: number): Random {
  let counter = seed >>> 0;
  const next = (): number => {
    counter = (counter + 0x6d2b79f5) >>> 0;
    let mixed = counter;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_POW_32;
  };
  return {
    next,
    bipolar: () => 2 * next() - 1,
    between: (low, high) => low + (high - low) * next(),
    chance: (probability) => next() < probability,
  };
}

/** A new buffer of uniform white noise in [-1, 1). */
export function whiteNoise(lengthSamples: number, random: Random): Float32Array {
  const out = new Float32Array(lengthSamples);
  for (let i = 0; i < out.length; i++) out[i] = random.bipolar();
  return out;
}
