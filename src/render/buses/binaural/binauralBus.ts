import { clearFrequencyDelayLine, createFrequencyDelayLine, pushBlock } from '../../../dsp/convolution/frequencyDelayLine';
import type { FrequencyDelayLine } from '../../../dsp/convolution/frequencyDelayLine';
import { createOutputScratch, overlapSaveOutput } from '../../../dsp/convolution/overlapSaveOutput';
import type { OutputScratch } from '../../../dsp/convolution/overlapSaveOutput';
import { accumulateFilteredPair } from '../../../dsp/convolution/spectralAccumulate';
import { createRealFft } from '../../../dsp/fft';
import type { RealFft } from '../../../dsp/fft';
import type { HrtfGrid } from '../../../dsp/hrtf/hrtfGrid';
import type { BinauralOutput } from '../../../core/outputs/outputDefinition';
import { RENDER_BLOCK_FRAMES } from '../../renderBlock';
import { createAmbisonicBinauralFilters } from '../../ambisonics/ambisonicBinauralFilters';
import { isAmbisonicChannel } from '../objectBus';
import type { ObjectBus, ObjectPlacement, VoiceChannel } from '../objectBus';
import { binauralPartitions, buildBinauralFilters, createBinauralFilterBuilder } from './binauralFilterBuilder';
import type { BinauralFilterBuilder } from './binauralFilterBuilder';

/**
 * The binaural bus: every object convolved with its direction's HRTF pair by uniformly
 * partitioned FFT convolution (block 128, FFT 256), summed per ear in the frequency
 * domain so that the whole bus needs one inverse FFT per ear per block, whatever the
 * number of objects.
 *
 * A filter change (a moving source) is crossfaded within the block: with A the sum of all
 * objects through their previous filters and D the sum of (new - previous) filters,
 *   out[n] = a[n] + r[n] d[n],   r[n] = (n + 1) / B,
 * which is exactly a linear crossfade from the old to the new filter for the objects that
 * changed, and costs two more inverse FFTs only in blocks where something moved.
 *
 * Spectra are interleaved per bin as (left re, left im, right re, right im).
 *
 * An HOA channel's voice has one fixed filter pair (ambisonics/ambisonicBinauralFilters.ts)
 * and no direction.
 */
interface BinauralBusState {
  readonly fft: RealFft;
  readonly partitions: number;
  readonly builder: BinauralFilterBuilder;
  readonly ambisonicFilters: ReturnType<typeof createAmbisonicBinauralFilters>;
  /** Sum through the filters in use, and sum of filter changes (bins x 4 each). */
  readonly accA: Float64Array;
  readonly accD: Float64Array;
  /** Scratch for a new filter's spectra, then for its difference from the old one. */
  readonly newFilter: Float64Array;
  readonly ramp: Float64Array;
  readonly scratch: OutputScratch;
  /** Whether any voice changed filter in the block being accumulated. */
  changed: boolean;
}

/** One object's state on the binaural bus. */
interface BinauralVoice {
  readonly fdl: FrequencyDelayLine;
  /** The filter in use (partitions x bins x 4). */
  readonly filter: Float64Array;
  /** Head-relative unit direction the filter was built for. */
  x: number;
  y: number;
  z: number;
  triangle: number;
  /** A bed's LFE channel: binaural has no place for it, so the voice adds nothing (beds/bedChannels.ts). */
  readonly dropped: boolean;
  /** An HOA channel's: its filter is fixed whatever the placement (ambisonics/ambisonicChannels.ts). */
  readonly fixed: boolean;
}

/** A direction change smaller than this (about 0.01 degree) keeps the current filter. */
const SAME_DIRECTION_COSINE = Math.cos((0.01 * Math.PI) / 180);

/** The binaural bus of `output`, rendering with `grid` (at the scene's sample rate). */
export function createBinauralBus(output: BinauralOutput, grid: HrtfGrid): ObjectBus {
  const state = createBinauralBusState(grid);
  const block = [new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)] as const;
  const bus: ObjectBus<BinauralVoice> = {
    output,
    block,
    tailFrames: state.partitions * RENDER_BLOCK_FRAMES,
    createVoice: (channel?: VoiceChannel) => {
      if (channel !== undefined && isAmbisonicChannel(channel)) return createBinauralVoice(state, false, state.ambisonicFilters(channel));
      return createBinauralVoice(state, channel?.channel.isLfe === true);
    },
    beginBlock: () => beginBinauralBlock(state),
    startVoice: (voice: BinauralVoice, placement: ObjectPlacement) => {
      if (voice.fixed) {
        clearFrequencyDelayLine(voice.fdl);
        return;
      }
      const d = placement.direction;
      resetBinauralVoice(state, voice, d[0]!, d[1]!, d[2]!);
    },
    addObject: (voice: BinauralVoice, input: Float32Array, placement: ObjectPlacement) => {
      if (voice.dropped) return;
      if (voice.fixed) {
        pushBlock(voice.fdl, input);
        accumulateFilteredPair(voice.fdl, voice.filter, state.accA);
        return;
      }
      const d = placement.direction;
      addBinauralVoice(state, voice, input, d[0]!, d[1]!, d[2]!);
    },
    endBlock: () => endBinauralBlock(state, block[0], block[1]),
  };
  return bus as ObjectBus;
}

function createBinauralBusState(grid: HrtfGrid): BinauralBusState {
  const fft = createRealFft(2 * RENDER_BLOCK_FRAMES);
  const partitions = binauralPartitions(grid, RENDER_BLOCK_FRAMES);
  const ramp = new Float64Array(RENDER_BLOCK_FRAMES);
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) ramp[i] = (i + 1) / RENDER_BLOCK_FRAMES;
  const builder = createBinauralFilterBuilder(grid, fft, partitions);
  return {
    fft,
    partitions,
    builder,
    ambisonicFilters: createAmbisonicBinauralFilters(builder, partitions * fft.bins * 4),
    accA: new Float64Array(fft.bins * 4),
    accD: new Float64Array(fft.bins * 4),
    newFilter: new Float64Array(partitions * fft.bins * 4),
    ramp,
    scratch: createOutputScratch(fft),
    changed: false,
  };
}

/** A voice; with `fixedFilter`, an HOA channel's, whose filter never changes. */
function createBinauralVoice(bus: BinauralBusState, dropped: boolean, fixedFilter?: Float64Array): BinauralVoice {
  return {
    dropped,
    fixed: fixedFilter !== undefined,
    fdl: createFrequencyDelayLine(bus.fft, bus.partitions),
    filter: fixedFilter ?? new Float64Array(bus.partitions * bus.fft.bins * 4),
    x: 0,
    y: 1,
    z: 0,
    triangle: 0,
  };
}

/** Silences the voice's history and sets its filter for (x, y, z) at once, without a crossfade. */
function resetBinauralVoice(bus: BinauralBusState, voice: BinauralVoice, x: number, y: number, z: number): void {
  clearFrequencyDelayLine(voice.fdl);
  voice.triangle = buildBinauralFilters(bus.builder, x, y, z, voice.triangle, voice.filter);
  voice.x = x;
  voice.y = y;
  voice.z = z;
}

/** Starts a block: clears the sum (the crossfade sum is cleared when the first voice changes). */
function beginBinauralBlock(bus: BinauralBusState): void {
  bus.accA.fill(0);
  bus.changed = false;
}

/**
 * Adds one voice's block (RENDER_BLOCK_FRAMES samples) heard from head-relative unit
 * direction (x, y, z). Allocation-free.
 */
function addBinauralVoice(
  bus: BinauralBusState,
  voice: BinauralVoice,
  input: Float32Array,
  x: number,
  y: number,
  z: number,
): void {
  pushBlock(voice.fdl, input);
  accumulateFilteredPair(voice.fdl, voice.filter, bus.accA);
  if (x * voice.x + y * voice.y + z * voice.z >= SAME_DIRECTION_COSINE) return;

  if (!bus.changed) {
    bus.accD.fill(0);
    bus.changed = true;
  }
  const next = bus.newFilter;
  voice.triangle = buildBinauralFilters(bus.builder, x, y, z, voice.triangle, next);
  // The new filter becomes the voice's; the difference goes to the crossfade sum.
  const current = voice.filter;
  for (let k = 0; k < current.length; k++) {
    const delta = next[k]! - current[k]!;
    current[k] = next[k]!;
    next[k] = delta;
  }
  accumulateFilteredPair(voice.fdl, next, bus.accD);
  voice.x = x;
  voice.y = y;
  voice.z = z;
}

/** Finishes a block: writes the two ears (RENDER_BLOCK_FRAMES each). Allocation-free. */
function endBinauralBlock(bus: BinauralBusState, left: Float32Array, right: Float32Array): void {
  overlapSaveOutput(bus.fft, bus.accA, 0, 2, bus.scratch, left, null, false);
  overlapSaveOutput(bus.fft, bus.accA, 1, 2, bus.scratch, right, null, false);
  if (bus.changed) {
    overlapSaveOutput(bus.fft, bus.accD, 0, 2, bus.scratch, left, bus.ramp, true);
    overlapSaveOutput(bus.fft, bus.accD, 1, 2, bus.scratch, right, bus.ramp, true);
  }
}
