import type { LoudspeakerOutput } from '../../core/outputs/outputDefinition';
import { directSpeakersGains } from '../../dsp/panners/directSpeakers/directSpeakersGains';
import type { BedChannel } from '../beds/bedChannels';
import { createLayoutDecoders } from '../ambisonics/ambisonicDecoders';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { createLayoutPanner } from './layoutPanners';
import type { LayoutPanner } from './layoutPanners';
import { isAmbisonicChannel } from './objectBus';
import type { ObjectBus, ObjectPlacement, VoiceChannel } from './objectBus';

/** One object's pan on the bus: the gains in use (one per channel) and the direction they are for. */
interface LoudspeakerVoice {
  readonly gains: Float64Array;
  /** A bed channel's DirectSpeakers gains, or an HOA channel's decoder gains, which the voice keeps whatever its direction. */
  readonly bedGains: Float64Array | undefined;
  x: number;
  y: number;
  z: number;
}

/**
 * The loudspeaker bus: each object panned to the layout's loudspeakers by the layout's
 * panner (layoutPanners.ts); when the object moves, each channel's gain ramps linearly
 * across the block from the last block's, so movement never steps:
 *   out_c[i] += s[i] (g_c + (g'_c - g_c)(i + 1) / B),   B = RENDER_BLOCK_FRAMES.
 * A channel whose gain is 0 at both ends of the block costs nothing. The bus rings for
 * no longer than the block it is in. A bed channel's voice feeds the layout's
 * loudspeakers with fixed gains, BS.2127's DirectSpeakers rendering (beds/bedChannels.ts);
 * an HOA channel's likewise, its column of the layout's decode matrix (ambisonics/).
 */
export function createLoudspeakerBus(output: LoudspeakerOutput): ObjectBus {
  const panner = createLayoutPanner(output.layout);
  const channelCount = panner.channelCount;
  const block = Array.from({ length: channelCount }, () => new Float32Array(RENDER_BLOCK_FRAMES));
  const target = new Float64Array(channelCount);
  const hoaGains = createLayoutDecoders(panner);

  const bus: ObjectBus<LoudspeakerVoice> = {
    output,
    block,
    tailFrames: RENDER_BLOCK_FRAMES,
    createVoice: (channel?: VoiceChannel) => ({
      gains: new Float64Array(channelCount),
      bedGains: channel === undefined ? undefined : isAmbisonicChannel(channel) ? hoaGains(channel) : bedChannelGains(channel, output, panner),
      x: 0,
      y: 0,
      z: 0,
    }),
    beginBlock() {
      for (const channel of block) channel.fill(0);
    },
    startVoice(voice: LoudspeakerVoice, placement: ObjectPlacement) {
      if (voice.bedGains !== undefined) {
        voice.gains.set(voice.bedGains);
        return;
      }
      const d = placement.direction;
      voice.x = d[0]!;
      voice.y = d[1]!;
      voice.z = d[2]!;
      panner.gains(voice.x, voice.y, voice.z, voice.gains);
    },
    addObject(voice: LoudspeakerVoice, input: Float32Array, placement: ObjectPlacement) {
      const d = placement.direction;
      const x = d[0]!;
      const y = d[1]!;
      const z = d[2]!;
      const gains = voice.gains;
      const moved = voice.bedGains === undefined && (x !== voice.x || y !== voice.y || z !== voice.z);
      if (moved) {
        panner.gains(x, y, z, target);
        voice.x = x;
        voice.y = y;
        voice.z = z;
      }
      const next = moved ? target : gains;
      if (channelCount === 2) {
        // The common case (0+2+0) in one pass over the input.
        addRampedPair(block[0]!, block[1]!, input, gains[0]!, next[0]!, gains[1]!, next[1]!);
      } else {
        for (let c = 0; c < channelCount; c++) {
          const g0 = gains[c]!;
          const g1 = next[c]!;
          if (g0 !== 0 || g1 !== 0) addRamped(block[c]!, input, g0, (g1 - g0) / RENDER_BLOCK_FRAMES);
        }
      }
      if (moved) gains.set(target);
    },
    endBlock() {},
  };
  return bus as ObjectBus;
}

/** The gains of `output`'s loudspeakers for a bed channel, as BS.2127 renders DirectSpeakers (set-up: allocates). */
function bedChannelGains(bedChannel: BedChannel, output: LoudspeakerOutput, panner: LayoutPanner): Float64Array {
  const gains = new Float64Array(panner.channelCount);
  directSpeakersGains(bedChannel.layout, bedChannel.channel, output.layout, panner, gains);
  return gains;
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

/** out[i] += input[i] (g0 + step (i + 1)). */
function addRamped(out: Float32Array, input: Float32Array, g0: number, step: number): void {
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) out[i] = out[i]! + input[i]! * (g0 + step * (i + 1));
}
