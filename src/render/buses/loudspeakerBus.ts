import type { LoudspeakerChannel, LoudspeakerLayout } from '../../core/layouts';
import type { LoudspeakerOutput } from '../../core/outputs/outputDefinition';
import { writePolarToCartesian } from '../../core/coordinates';
import { RADIANS_PER_DEGREE } from '../../core/units';
import { createObjectValues } from '../../core/scene/objectValues';
import type { ObjectValues } from '../../core/scene/objectValues';
import { createBlockDelay, processBlockDelay, resetBlockDelay } from '../../dsp/blockDelay';
import type { BlockDelay } from '../../dsp/blockDelay';
import { createPartitionedConvolver, processConvolverBlock, resetConvolver } from '../../dsp/convolution/partitionedConvolver';
import type { PartitionedConvolver } from '../../dsp/convolution/partitionedConvolver';
import { DECORRELATION_DELAY_SAMPLES, DECORRELATION_FILTER_LENGTH, designDecorrelationFilters } from '../../dsp/filters/decorrelationFilters';
import { directSpeakersGains } from '../../dsp/panners/directSpeakers/directSpeakersGains';
import { computeObjectGains } from '../../dsp/panners/objectGains/objectGainCalculator';
import type { ObjectGainCalculator, ObjectGains } from '../../dsp/panners/objectGains/objectGainCalculator';
import { createLayoutObjectGains } from '../../dsp/panners/objectGains/layoutObjectGains';
import type { BedChannel } from '../beds/bedChannels';
import { createLayoutDecoders } from '../ambisonics/ambisonicDecoders';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { createLayoutPanner } from './layoutPanners';
import type { LayoutPanner } from './layoutPanners';
import { isAmbisonicChannel } from './objectBus';
import type { ObjectBus, ObjectPlacement, VoiceChannel } from './objectBus';
import { createObjectGainBlock, isPlainPoint, writeObjectGainBlock } from './objectGainBlock';

/** What a test may change: the calculator's factory (to count set-ups), the knot angle. */
export interface LoudspeakerBusOptions {
  readonly createCalculator?: (layout: LoudspeakerLayout) => ObjectGainCalculator;
  readonly knotAngleDeg?: number;
}

/**
 * How far (degrees) an object using the gain calculator may move from the direction its
 * gains are for before they are recomputed (a knot): below BS.2127's own 5-degree grid of
 * virtual sources and the ear's smallest audible angle (about 1 degree ahead).
 */
export const KNOT_ANGLE_DEG = 1;

/** One object on the bus: the gains in use (one per channel) and what they were computed for. */
interface LoudspeakerVoice {
  readonly direct: Float64Array;
  readonly diffuse: Float64Array;
  /** Whether `diffuse` has a gain that is not 0. */
  diffuseInUse: boolean;
  /** A bed channel's DirectSpeakers gains, or an HOA channel's decoder gains (which the voice keeps whatever its direction). */
  readonly bedGains: Float64Array | undefined;
  /** Whether the gains come from the gain calculator (else the point-source panner, or a bed's). */
  usesCalculator: boolean;
  /** A bed channel's (not an LFE's): its loudspeaker's nominal unit direction; heard from elsewhere (the monitor head turned) it is panned there. */
  readonly nominal: Float64Array | undefined;
  /** The direction and values the gains are for (values by field: ObjectValues is rewritten in place). */
  x: number;
  y: number;
  z: number;
  /** The direction of the last block (a calculator voice whose object stopped between knots settles on it). */
  lastX: number;
  lastY: number;
  lastZ: number;
  readonly values: ObjectValues & { set: boolean };
}

/** Blocks a channel's decorrelation filter runs after its last diffuse input: that block and the filter's tail. */
const DIFFUSE_RING_BLOCKS = 1 + Math.ceil((DECORRELATION_FILTER_LENGTH - 1) / RENDER_BLOCK_FRAMES);

/** How long the bus rings after its input stops, frames, as heard (its latency compensated): the decorrelation filters' taps past their delay, at least a block. */
export const LOUDSPEAKER_BUS_TAIL_FRAMES = Math.max(RENDER_BLOCK_FRAMES, DECORRELATION_FILTER_LENGTH - 1 - DECORRELATION_DELAY_SAMPLES);

/**
 * The loudspeaker bus: each object's direct and diffuse gains per loudspeaker from its
 * ADM values at the block (ObjectPlacement.values) as ITU-R BS.2127 computes them, the
 * direct part panned at once, the diffuse part through one decorrelation filter per
 * loudspeaker (BS.2127 section 7.4), summed over objects so its cost is per channel:
 *
 *   out_c = D(sum_o s_o g_oc) + h_c * (sum_o s_o d_oc),
 *
 * g direct and d diffuse gains, h_c channel c's 512-tap all-pass
 * (dsp/filters/decorrelationFilters.ts), D a delay of DECORRELATION_DELAY_SAMPLES (255)
 * that keeps the direct part aligned with the diffuse one: the bus's latency, which the
 * renderer compensates (every output of a render is aligned to the largest latency and
 * read that far ahead: sceneRenderer.ts), so output frame n is still stem frame n.
 *
 * Gains: a polar point with no ADM parameter pans by the layout's point-source panner
 * (layoutPanners.ts), as before the gain calculator; any other object through the gain
 * calculator (dsp/panners/objectGains: extent, diffuseness, divergence, channel lock,
 * zone exclusion, the allocentric panner for Cartesian objects; objectGainBlock.ts says
 * what it is given). Gains are recomputed when a value changed, or the head-relative
 * direction did: at once for the point-source panner, beyond KNOT_ANGLE_DEG for the
 * calculator (which costs more: DESIGN.md gives the figures and the error bound), and
 * each channel's gain ramps linearly across the block from the last block's, so nothing steps:
 *   out_c[i] += s[i] (g_c + (g'_c - g_c)(i + 1) / B),   B = RENDER_BLOCK_FRAMES.
 * The calculator is made with the bus (its set-up pans the polar extent's 1,650 virtual
 * sources: about 3 ms once the code is compiled, more the first time), so no block pays
 * for it: in the studio's worklet, still the audio thread, a bus is made when a scene is
 * loaded or the monitor switched to its output, between two blocks, with the bus's other
 * set-up (decorrelation filters, HOA decoders). A channel whose gain is 0 at both ends of the block costs nothing, and a
 * decorrelation filter runs only while diffuse input reaches it or its tail rings.
 * A bed channel's voice feeds the layout's loudspeakers with fixed gains, BS.2127's
 * DirectSpeakers rendering (beds/bedChannels.ts), through the direct path, while it is
 * heard from its loudspeaker (with the monitor head turned, the point-source panner's where
 * it is heard);
 * an HOA channel's likewise, its column of the layout's decode matrix (ambisonics/).
 */
export function createLoudspeakerBus(output: LoudspeakerOutput, options: LoudspeakerBusOptions = {}): ObjectBus {
  const createCalculator = options.createCalculator ?? createLayoutObjectGains;
  const cosKnotAngle = Math.cos((options.knotAngleDeg ?? KNOT_ANGLE_DEG) * RADIANS_PER_DEGREE);
  const layout = output.layout;
  const panner = createLayoutPanner(layout);
  const channelCount = panner.channelCount;
  const frames = RENDER_BLOCK_FRAMES;
  const newBlock = (): Float32Array[] => Array.from({ length: channelCount }, () => new Float32Array(frames));
  const block = newBlock();
  const directSum = newBlock();
  const diffuseSum = newBlock();
  const filtered = new Float32Array(frames);
  const delays: BlockDelay[] = Array.from({ length: channelCount }, () => createBlockDelay(DECORRELATION_DELAY_SAMPLES));
  const filters = designDecorrelationFilters(layout.channels.map((channel) => channel.label));
  const decorrelators: PartitionedConvolver[] = filters.map((filter) => createPartitionedConvolver(filter, frames));
  const diffuseRinging = new Int32Array(channelCount);
  const target: ObjectGains = { direct: new Float64Array(channelCount), diffuse: new Float64Array(channelCount) };
  const gainBlock = createObjectGainBlock();
  // made with the bus (a load or a monitor switch), never in the block that first needs it
  const calculator = createCalculator(layout);
  const hoaGains = createLayoutDecoders(panner);

  /** The gains for the voice's placement into `target`; writes what they are for into the voice. */
  const computeTarget = (voice: LoudspeakerVoice, placement: ObjectPlacement): void => {
    const d = placement.direction;
    const x = d[0]!;
    const y = d[1]!;
    const z = d[2]!;
    voice.x = x;
    voice.y = y;
    voice.z = z;
    const values = placement.values;
    if (values !== undefined) copyValues(values, voice.values);
    voice.usesCalculator = values !== undefined && !isPlainPoint(values);
    if (values === undefined || !voice.usesCalculator) {
      panner.gains(x, y, z, target.direct);
      target.diffuse.fill(0);
      return;
    }
    computeObjectGains(calculator, writeObjectGainBlock(gainBlock, values, x, y, z), target);
  };

  /**
   * A bed channel's gains into `target.direct` for head-relative direction `d`: its
   * DirectSpeakers gains at its loudspeaker's nominal direction (the head facing front),
   * else, the monitor head turned, the point-source panner's where the head hears the
   * loudspeaker, as an object there (the room stays put). Writes the direction into the voice.
   */
  const writeBedTarget = (voice: LoudspeakerVoice, d: Float64Array): void => {
    target.diffuse.fill(0);
    const nominal = voice.nominal;
    const atNominal = nominal === undefined || d[0]! * nominal[0]! + d[1]! * nominal[1]! + d[2]! * nominal[2]! >= NOMINAL_COSINE;
    if (atNominal) target.direct.set(voice.bedGains!);
    else panner.gains(d[0]!, d[1]!, d[2]!, target.direct);
    voice.x = d[0]!;
    voice.y = d[1]!;
    voice.z = d[2]!;
  };

  const bus: ObjectBus<LoudspeakerVoice> = {
    output,
    block,
    tailFrames: LOUDSPEAKER_BUS_TAIL_FRAMES,
    latencyFrames: DECORRELATION_DELAY_SAMPLES,
    createVoice: (channel?: VoiceChannel) => ({
      direct: new Float64Array(channelCount),
      diffuse: new Float64Array(channelCount),
      diffuseInUse: false,
      usesCalculator: false,
      bedGains: channel === undefined ? undefined : isAmbisonicChannel(channel) ? hoaGains(channel) : bedChannelGains(channel, output, panner),
      nominal: channel === undefined || isAmbisonicChannel(channel) || channel.channel.isLfe ? undefined : nominalDirection(channel.channel),
      x: 0,
      y: 0,
      z: 0,
      lastX: 0,
      lastY: 0,
      lastZ: 0,
      values: Object.assign(createObjectValues(), { set: false }),
    }),
    beginBlock() {
      for (let c = 0; c < channelCount; c++) {
        directSum[c]!.fill(0);
        diffuseSum[c]!.fill(0);
      }
    },
    startVoice(voice: LoudspeakerVoice, placement: ObjectPlacement) {
      if (voice.bedGains !== undefined) {
        writeBedTarget(voice, placement.direction);
        voice.direct.set(target.direct);
        return;
      }
      computeTarget(voice, placement);
      voice.direct.set(target.direct);
      voice.diffuse.set(target.diffuse);
      voice.diffuseInUse = anyNonZero(voice.diffuse);
    },
    addObject(voice: LoudspeakerVoice, input: Float32Array, placement: ObjectPlacement) {
      const d = placement.direction;
      const moved =
        voice.bedGains === undefined
          ? turned(voice, d, cosKnotAngle) || valuesChanged(placement.values, voice.values)
          : voice.nominal !== undefined && (d[0] !== voice.x || d[1] !== voice.y || d[2] !== voice.z);
      voice.lastX = d[0]!;
      voice.lastY = d[1]!;
      voice.lastZ = d[2]!;
      if (moved && voice.bedGains === undefined) computeTarget(voice, placement);
      else if (moved) writeBedTarget(voice, d);
      const direct = voice.direct;
      const nextDirect = moved ? target.direct : direct;
      if (channelCount === 2) {
        // The common case (0+2+0) in one pass over the input.
        addRampedPair(directSum[0]!, directSum[1]!, input, direct[0]!, nextDirect[0]!, direct[1]!, nextDirect[1]!);
      } else {
        for (let c = 0; c < channelCount; c++) {
          const g0 = direct[c]!;
          const g1 = nextDirect[c]!;
          if (g0 !== 0 || g1 !== 0) addRamped(directSum[c]!, input, g0, (g1 - g0) / frames);
        }
      }
      const nextDiffuseInUse = moved ? anyNonZero(target.diffuse) : voice.diffuseInUse;
      if (voice.diffuseInUse || nextDiffuseInUse) {
        const diffuse = voice.diffuse;
        const nextDiffuse = moved ? target.diffuse : diffuse;
        for (let c = 0; c < channelCount; c++) {
          const g0 = diffuse[c]!;
          const g1 = nextDiffuse[c]!;
          if (g0 === 0 && g1 === 0) continue;
          diffuseRinging[c] = DIFFUSE_RING_BLOCKS;
          addRamped(diffuseSum[c]!, input, g0, (g1 - g0) / frames);
        }
      }
      if (moved) {
        direct.set(target.direct);
        voice.diffuse.set(target.diffuse);
        voice.diffuseInUse = nextDiffuseInUse;
      }
    },
    endBlock() {
      for (let c = 0; c < channelCount; c++) {
        const out = block[c]!;
        processBlockDelay(delays[c]!, directSum[c]!, out, frames);
        if (diffuseRinging[c] === 0) continue;
        processConvolverBlock(decorrelators[c]!, diffuseSum[c]!, filtered);
        for (let i = 0; i < frames; i++) out[i] = out[i]! + filtered[i]!;
        diffuseRinging[c] = diffuseRinging[c]! - 1;
      }
    },
    reset() {
      for (let c = 0; c < channelCount; c++) {
        resetBlockDelay(delays[c]!);
        resetConvolver(decorrelators[c]!);
        diffuseRinging[c] = 0;
      }
    },
  };
  return bus as ObjectBus;
}

/** A bed channel heard within this of its loudspeaker's nominal direction (about 1e-4 degree) keeps its DirectSpeakers gains. */
const NOMINAL_COSINE = 1 - 1e-12;

/** The unit direction of a bed channel's loudspeaker, as the renderer places it (set-up: allocates). */
function nominalDirection(channel: LoudspeakerChannel): Float64Array {
  const position = new Float64Array(3);
  writePolarToCartesian(channel.azimuthDeg, channel.elevationDeg, 1, position);
  const length = Math.hypot(position[0]!, position[1]!, position[2]!);
  return position.map((v) => v / length);
}

/** The gains of `output`'s loudspeakers for a bed channel, as BS.2127 renders DirectSpeakers (set-up: allocates). */
function bedChannelGains(bedChannel: BedChannel, output: LoudspeakerOutput, panner: LayoutPanner): Float64Array {
  const gains = new Float64Array(panner.channelCount);
  directSpeakersGains(bedChannel.layout, bedChannel.channel, output.layout, panner, gains);
  return gains;
}

/**
 * Whether the voice's gains are no longer for direction d: any change for the point-source
 * panner (1 us a call); for the gain calculator a move beyond the knot angle, or an object
 * that stopped (d is the last block's) short of its next knot, so it rests at its own gains.
 */
function turned(voice: LoudspeakerVoice, d: Float64Array, cosKnotAngle: number): boolean {
  const changed = d[0] !== voice.x || d[1] !== voice.y || d[2] !== voice.z;
  if (!voice.usesCalculator || !changed) return changed;
  const stopped = d[0] === voice.lastX && d[1] === voice.lastY && d[2] === voice.lastZ;
  return stopped || d[0]! * voice.x + d[1]! * voice.y + d[2]! * voice.z < cosKnotAngle;
}

/** The fields the gains depend on (not the gain, applied before the buses, nor the polar position, which the direction carries). */
function copyValues(from: ObjectValues, to: ObjectValues & { set: boolean }): void {
  to.set = true;
  to.cartesian = from.cartesian;
  to.X = from.X;
  to.Y = from.Y;
  to.Z = from.Z;
  to.width = from.width;
  to.height = from.height;
  to.depth = from.depth;
  to.diffuse = from.diffuse;
  to.channelLock = from.channelLock;
  to.objectDivergence = from.objectDivergence;
  to.zoneExclusion = from.zoneExclusion;
}

function valuesChanged(values: ObjectValues | undefined, used: ObjectValues & { set: boolean }): boolean {
  if (values === undefined) return used.set;
  return (
    !used.set ||
    values.cartesian !== used.cartesian ||
    values.X !== used.X ||
    values.Y !== used.Y ||
    values.Z !== used.Z ||
    values.width !== used.width ||
    values.height !== used.height ||
    values.depth !== used.depth ||
    values.diffuse !== used.diffuse ||
    values.channelLock !== used.channelLock ||
    values.objectDivergence !== used.objectDivergence ||
    values.zoneExclusion !== used.zoneExclusion
  );
}

function anyNonZero(gains: Float64Array): boolean {
  for (let c = 0; c < gains.length; c++) if (gains[c] !== 0) return true;
  return false;
}

/** left[i] += input[i] (l0 + (l1 - l0)(i + 1)/B), right likewise. */
function addRampedPair(left: Float32Array, right: Float32Array, input: Float32Array, l0: number, l1: number, r0: number, r1: number): void {
  const dl = (l1 - l0) / RENDER_BLOCK_FRAMES;
  const dr = (r1 - r0) / RENDER_BLOCK_FRAMES;
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
    const s = input[i]!;
    left[i] = left[i]! + s * (l0 + dl * (i + 1));
    right[i] = right[i]! + s * (r0 + dr * (i + 1));
  }
}

/** out[i] += input[i] (g0 + step (i + 1)); a steady gain (most blocks: objects between knots, still ones) in the shorter loop, with the same result. */
function addRamped(out: Float32Array, input: Float32Array, g0: number, step: number): void {
  if (step === 0) {
    for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) out[i] = out[i]! + input[i]! * g0;
    return;
  }
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) out[i] = out[i]! + input[i]! * (g0 + step * (i + 1));
}
