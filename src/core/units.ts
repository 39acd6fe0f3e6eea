/** Unit aliases (documentation in the type) and the conversions between them. */

/** Level in decibels relative to full scale or to unity gain. */
export type Decibels = number;
/** Angle in degrees. */
export type Degrees = number;
/** Distance in metres. */
export type Metres = number;
/** Time in seconds. */
export type Seconds = number;
/** Frequency or sample rate in hertz. */
export type Hertz = number;

export const RADIANS_PER_DEGREE = Math.PI / 180;

/** Amplitude gain for a level in dB: 10^(dB/20). */
export function dbToGain(levelDb: Decibels): number {
  return Math.pow(10, levelDb / 20);
}

/** Wraps an angle into (-180, 180] degrees. */
export function wrapAzimuthDeg(angleDeg: Degrees): Degrees {
  const wrapped = angleDeg - 360 * Math.floor((angleDeg + 180) / 360);
  return wrapped === -180 ? 180 : wrapped;
}
