import { fibonacciSphere } from './sphereGrid';
import { writeSphericalHarmonicsN3D } from './sphericalHarmonics';

/** A loudspeaker layout's panner: the gain of each of its `channelCount` loudspeakers for unit direction (x, y, z). */
export interface DecoderPanner {
  readonly channelCount: number;
  gains(x: number, y: number, z: number, out: Float64Array): void;
}

/** Virtual loudspeakers of the AllRAD design: as many as the EBU ADM Renderer's spherical design has. */
export const ALLRAD_VIRTUAL_SPEAKERS = 5200;

/**
 * The virtual loudspeakers' gains on a layout, computed once per layout: row k is the
 * layout's panner at virtual loudspeaker k (the slow part of a design).
 */
export interface VirtualSpeakerGains {
  readonly points: Float64Array;
  readonly count: number;
  readonly channelCount: number;
  /** count x channelCount. */
  readonly gains: Float64Array;
}

export function virtualSpeakerGains(panner: DecoderPanner, count = ALLRAD_VIRTUAL_SPEAKERS): VirtualSpeakerGains {
  const points = fibonacciSphere(count);
  const { channelCount } = panner;
  const gains = new Float64Array(count * channelCount);
  const row = new Float64Array(channelCount);
  for (let k = 0; k < count; k++) {
    panner.gains(points[3 * k]!, points[3 * k + 1]!, points[3 * k + 2]!, row);
    gains.set(row, k * channelCount);
  }
  return { points, count, channelCount, gains };
}

/**
 * An HOA decode matrix for a loudspeaker layout, designed as ITU-R BS.2127 designs it
 * (AllRAD, Zotter and Frank, JAES 60(10), 2012): the HOA signal is sampled by many
 * virtual loudspeakers spread evenly over the sphere (a sampling decoder,
 * g_k = (1/K) sum_c Y_c(p_k) b_c with N3D harmonics), and each virtual loudspeaker is
 * panned to the real ones by the layout's point-source panner. The matrix is then scaled
 * so that a plane wave's loudspeaker power, averaged over all directions, is 1 (BS.2127's
 * normalisation), the power a panned object has. No max-rE weighting (BS.2127's default).
 *
 * Returns, per ACN channel of orders 0 to `order`, the channelCount gains for an N3D
 * input (scale by N3D / N of the input normalisation: normalizationFactor).
 */
export function designAllradDecoder(virtual: VirtualSpeakerGains, order: number): Float64Array[] {
  const components = (order + 1) * (order + 1);
  const { points, count, channelCount, gains } = virtual;
  const harmonics = new Float64Array(count * components);
  const scratch = new Float64Array(components);
  const y = new Float64Array(components);
  for (let k = 0; k < count; k++) {
    writeSphericalHarmonicsN3D(order, points[3 * k]!, points[3 * k + 1]!, points[3 * k + 2]!, y, scratch);
    harmonics.set(y, k * components);
  }
  const decoder = Array.from({ length: components }, () => new Float64Array(channelCount));
  for (let k = 0; k < count; k++) {
    for (let c = 0; c < components; c++) {
      const weight = harmonics[k * components + c]! / count;
      const column = decoder[c]!;
      for (let l = 0; l < channelCount; l++) column[l] = column[l]! + weight * gains[k * channelCount + l]!;
    }
  }
  // Mean over the sphere of a plane wave's power, sum_l (sum_c D_lc Y_c(p))^2.
  let power = 0;
  const speaker = new Float64Array(channelCount);
  for (let k = 0; k < count; k++) {
    speaker.fill(0);
    for (let c = 0; c < components; c++) {
      const h = harmonics[k * components + c]!;
      const column = decoder[c]!;
      for (let l = 0; l < channelCount; l++) speaker[l] = speaker[l]! + column[l]! * h;
    }
    for (let l = 0; l < channelCount; l++) power += speaker[l]! * speaker[l]!;
  }
  const scale = 1 / Math.sqrt(power / count);
  for (const column of decoder) for (let l = 0; l < channelCount; l++) column[l] = column[l]! * scale;
  return decoder;
}
