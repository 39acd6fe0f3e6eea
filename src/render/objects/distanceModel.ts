/**
 * How distance changes an object's sound, beyond its direction.
 *
 * Level: the inverse distance law relative to a reference of 1 m, clamped inside it so a
 * source near the head never gets louder than at the reference:
 *   g(d) = REFERENCE_DISTANCE_M / max(d, REFERENCE_DISTANCE_M).
 *
 * Air absorption: in air the high-frequency loss in dB grows in proportion to distance
 * and, well below the molecular relaxation frequencies, roughly with the square of
 * frequency (ISO 9613-1). A one-pole low-pass y[n] = y[n-1] + a (x[n] - y[n-1]) has that
 * shape (its loss grows as 1 - cos w ~ w^2 / 2), so its coefficient is solved for the loss
 *   L(d) = ALPHA_8K_DB_PER_M (d - 1 m)   at 8 kHz,
 * about ISO 9613-1's figure at 8 kHz for 20 C and 50 % relative humidity. With
 * G = 10^(-L/10), c = cos(2 pi 8 kHz / fs) and b = 1 - a, |H|^2 = G gives
 *   (1 - G) b^2 - 2 (1 - G c) b + (1 - G) = 0,
 * whose root in [0, 1) is b = ((1 - G c) - sqrt((1 - G c)^2 - (1 - G)^2)) / (1 - G),
 * computed as (1 - G) / ((1 - G c) + sqrt(...)) so that it stays exact (0) as G -> 1.
 */
const REFERENCE_DISTANCE_M = 1;
const ALPHA_8K_DB_PER_M = 0.1;
const REFERENCE_FREQUENCY_HZ = 8000;

/** Amplitude gain of the inverse distance law at `distanceM`. */
export function distanceGain(distanceM: number): number {
  return REFERENCE_DISTANCE_M / Math.max(distanceM, REFERENCE_DISTANCE_M);
}

/**
 * Coefficient a of the air-absorption one-pole at `distanceM`: exactly 1, a plain wire,
 * within the reference distance.
 */
export function airAbsorptionCoefficient(distanceM: number, sampleRateHz: number): number {
  const lossDb = ALPHA_8K_DB_PER_M * (distanceM - REFERENCE_DISTANCE_M);
  if (lossDb <= 0) return 1;
  const g = Math.pow(10, -lossDb / 10);
  const c = Math.cos((2 * Math.PI * Math.min(REFERENCE_FREQUENCY_HZ, 0.45 * sampleRateHz)) / sampleRateHz);
  const p = 1 - g * c;
  const q = 1 - g;
  const b = q / (p + Math.sqrt(p * p - q * q));
  return 1 - b;
}
