import type { BinauralOutput, LayoutBinauralOutput } from '../../core/outputs/outputDefinition';
import { RADIANS_PER_DEGREE } from '../../core/units';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { createBinauralBus } from '../buses/binaural/binauralBus';
import type { ObjectPlacement } from '../buses/objectBus';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import type { DerivedStage } from './derivedStage';

/**
 * A loudspeaker output heard on headphones (core/outputs: LayoutBinauralOutput): each
 * loudspeaker channel is an object of the binaural bus (render/buses/binaural) standing
 * still at its loudspeaker's nominal direction, so it is convolved with the HRIR pair
 * there (the same filters, interpolation and ITD as the objects' binaural rendering); the
 * ears are the sum. The LFE channel is dropped (as the stereo downmixes drop it, A/52
 * section 7.8: a headphone check of the layout's full-range channels). The master's
 * mid/side does not act on it (it acts on the studio's two-channel buses only).
 *
 * Runs in blocks of RENDER_BLOCK_FRAMES (the bus's partition), so `frames` must be a
 * multiple of it. Allocation-free after creation.
 */
export function createLayoutBinauralStage(output: LayoutBinauralOutput, grid: HrtfGrid, maxFrames: number): DerivedStage {
  if (maxFrames % RENDER_BLOCK_FRAMES !== 0) {
    throw new RangeError(`"${output.id}" runs in blocks of ${RENDER_BLOCK_FRAMES} frames, not ${maxFrames}`);
  }
  const { id, displayName, channels, fileOrder, channelMask, hrtfSet } = output;
  const ears: BinauralOutput = { kind: 'binaural', id, displayName, channels, fileOrder, channelMask, hrtfSet };
  const bus = createBinauralBus(ears, grid);
  const speakers = output.from.layout.channels.flatMap((channel, index) => {
    if (channel.isLfe) return [];
    const placement: ObjectPlacement = { direction: unitDirection(channel.azimuthDeg, channel.elevationDeg), distanceM: 1 };
    return [{ index, placement, voice: bus.createVoice(), input: new Float32Array(RENDER_BLOCK_FRAMES) }];
  });
  const reset = (): void => {
    for (const speaker of speakers) bus.startVoice(speaker.voice, speaker.placement);
  };
  reset();
  const block = [new Float32Array(maxFrames), new Float32Array(maxFrames)] as const;
  return {
    block,
    tailFrames: bus.tailFrames,
    process(input, frames) {
      if (frames % RENDER_BLOCK_FRAMES !== 0) throw new RangeError(`"${output.id}" runs in blocks of ${RENDER_BLOCK_FRAMES} frames, not ${frames}`);
      for (let at = 0; at < frames; at += RENDER_BLOCK_FRAMES) {
        bus.beginBlock();
        for (let s = 0; s < speakers.length; s++) {
          const speaker = speakers[s]!;
          const channel = input[speaker.index]!;
          for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) speaker.input[i] = channel[at + i]!;
          bus.addObject(speaker.voice, speaker.input, speaker.placement);
        }
        bus.endBlock();
        block[0].set(bus.block[0]!, at);
        block[1].set(bus.block[1]!, at);
      }
    },
    reset,
  };
}

/** Head-relative unit vector (x right, y front, z up) of a BS.2076 azimuth (left positive) and elevation. */
function unitDirection(azimuthDeg: number, elevationDeg: number): Float64Array {
  const az = azimuthDeg * RADIANS_PER_DEGREE;
  const el = elevationDeg * RADIANS_PER_DEGREE;
  return Float64Array.of(-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el));
}
