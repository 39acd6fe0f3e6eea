import { fibonacciSphere } from '../../dsp/ambisonics/sphereGrid';
import { writeSphericalHarmonicsN3D } from '../../dsp/ambisonics/sphericalHarmonics';
import { buildBinauralFilters } from '../buses/binaural/binauralFilterBuilder';
import type { BinauralFilterBuilder } from '../buses/binaural/binauralFilterBuilder';
import type { AmbisonicChannel } from './ambisonicChannels';
import { ambisonicChannelGains } from './ambisonicDecoders';

/**
 * Virtual loudspeakers of the binaural HOA decode: evenly over the sphere (Fibonacci
 * lattice), far denser than the components of any order the scene takes (64 at order 7),
 * so the sum over them is the integral over the sphere to well within the HRTF set's own
 * spatial resolution.
 */
export const BINAURAL_HOA_VIRTUAL_SPEAKERS = 2000;

/**
 * A binaural bus's HOA filters: each HOA channel one fixed pair of ear filters, the
 * HRTF projected on its spherical harmonic,
 *   H_c = (1/K) sum_k Y_c(p_k) HRTF(p_k)      (N3D; K virtual loudspeakers p_k),
 * that is a sampling decode to K virtual loudspeakers, each heard through the bus's HRTF
 * at its direction (the same interpolated filters an object there gets), folded into one
 * filter per channel. A plane wave from u then reaches the ears through
 * sum_c Y_c(u) H_c, the HRTF smoothed over the sphere by order N's beam: exactly the HRTF
 * where it varies slowly with direction (low frequencies), at unit gain like an object, and
 * with the high-frequency loss of any order-N rendering above. Made when the bus creates
 * its first voice of an HOA channel of that order (set-up), then kept; per block an HOA
 * channel costs what a still object costs. Returns the channel's filter spectra, in the
 * layout of the bus's filters (partitions x bins x 4).
 */
export function createAmbisonicBinauralFilters(builder: BinauralFilterBuilder, filterSize: number): (channel: AmbisonicChannel) => Float64Array {
  const byOrder = new Map<number, Float64Array[]>();
  return (channel) => {
    let filters = byOrder.get(channel.order);
    if (filters === undefined) {
      filters = projectHrtf(builder, filterSize, channel.order);
      byOrder.set(channel.order, filters);
    }
    // ambisonicChannelGains scales a column from N3D to the channel's normalisation; a filter is a column too.
    return ambisonicChannelGains(filters, channel);
  };
}

function projectHrtf(builder: BinauralFilterBuilder, filterSize: number, order: number): Float64Array[] {
  const components = (order + 1) * (order + 1);
  const count = BINAURAL_HOA_VIRTUAL_SPEAKERS;
  const points = fibonacciSphere(count);
  const filters = Array.from({ length: components }, () => new Float64Array(filterSize));
  const speaker = new Float64Array(filterSize);
  const harmonics = new Float64Array(components);
  const scratch = new Float64Array(components);
  let triangle = 0;
  for (let k = 0; k < count; k++) {
    const x = points[3 * k]!;
    const y = points[3 * k + 1]!;
    const z = points[3 * k + 2]!;
    triangle = buildBinauralFilters(builder, x, y, z, triangle, speaker);
    writeSphericalHarmonicsN3D(order, x, y, z, harmonics, scratch);
    for (let c = 0; c < components; c++) {
      const weight = harmonics[c]! / count;
      const filter = filters[c]!;
      for (let i = 0; i < filterSize; i++) filter[i] = filter[i]! + weight * speaker[i]!;
    }
  }
  return filters;
}
