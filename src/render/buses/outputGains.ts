import type { LoudspeakerLayout } from '../../core/layouts';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { speakerOutputOf } from '../../core/outputs/monitoredSpeakers';
import { createLayoutPanner } from './layoutPanners';
import type { LayoutPanner } from './layoutPanners';

/**
 * The gain of an object heard from head-relative unit direction (x, y, z) in each channel
 * of an output's loudspeakers (core/outputs/monitoredSpeakers.ts): a layout's panner gains
 * (render/buses/layoutPanners.ts); a downmix's matrix applied to its source's gains, the
 * 90-degree path of a matrix encoding adding in quadrature (|a + jb|); a layout on
 * headphones, its layout's. Null for binaural, which has no loudspeakers. For the stage
 * (which loudspeakers play the selected source, and how loud), off the audio thread:
 * panners are made once per layout and kept.
 */
export function speakerGainsOf(output: OutputDefinition, x: number, y: number, z: number): Float64Array | null {
  const carrier = speakerOutputOf(output);
  return carrier === null ? null : gainsOf(carrier, x, y, z);
}

const panners = new WeakMap<LoudspeakerLayout, LayoutPanner>();

function gainsOf(output: OutputDefinition, x: number, y: number, z: number): Float64Array {
  switch (output.kind) {
    case 'binaural':
      throw new RangeError(`"${output.id}" has no loudspeakers`);
    case 'layoutBinaural':
      return gainsOf(output.from, x, y, z);
    case 'loudspeakers': {
      let panner = panners.get(output.layout);
      if (panner === undefined) {
        panner = createLayoutPanner(output.layout);
        panners.set(output.layout, panner);
      }
      const gains = new Float64Array(panner.channelCount);
      panner.gains(x, y, z, gains);
      return gains;
    }
    case 'downmix': {
      const source = gainsOf(output.from, x, y, z);
      const dot = (row: readonly number[]): number => row.reduce((sum, g, k) => sum + g * source[k]!, 0);
      const shifted = output.quadrature === undefined ? 0 : dot(output.quadrature.sumGains);
      return Float64Array.from(output.matrix, (row, c) => Math.hypot(dot(row), (output.quadrature?.outputGains[c] ?? 0) * shifted));
    }
  }
}
