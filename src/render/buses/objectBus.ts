import type { BinauralOutput, LoudspeakerOutput } from '../../core/outputs/outputDefinition';
import type { ObjectValues } from '../../core/scene/objectValues';
import type { AmbisonicChannel } from '../ambisonics/ambisonicChannels';
import type { BedChannel } from '../beds/bedChannels';

/** Where an object is heard from, as the renderer hands it to every bus. */
export interface ObjectPlacement {
  /** Head-relative unit direction (x right, y front, z up; BS.2076 axes), smoothed by the renderer. */
  readonly direction: Float64Array;
  /** Distance from the listener, metres. The renderer applies its level and air absorption before the buses. */
  readonly distanceM: number;
  /**
   * The object's ADM parameters at this block (extent, diffuseness, channel lock,
   * divergence, zone exclusion; position in scene coordinates, before the listener's
   * rotation), for a BS.2127 gain calculator: core/scene/objectValues.ts. Absent where a
   * placement is made outside the renderer.
   */
  readonly values?: ObjectValues;
}

/** What a voice may stand for besides an object: a bed's channel, or an HOA stem's channel (kind 'ambisonic'). */
export type VoiceChannel = BedChannel | AmbisonicChannel;

/** Whether the voice's channel is an HOA stem's. */
export function isAmbisonicChannel(channel: VoiceChannel): channel is AmbisonicChannel {
  return 'kind' in channel && channel.kind === 'ambisonic';
}

/** The outputs a bus renders (a downmix is a matrix on a bus's block, render/downmix/). */
export type BusOutput = BinauralOutput | LoudspeakerOutput;

/**
 * One output's bus: the objects in, the output's channels out, a block
 * (RENDER_BLOCK_FRAMES) at a time. Per block the renderer calls beginBlock, then
 * addObject for every object rendered in the block (after startVoice for one that starts
 * or restarts), then endBlock, and reads `block`. Every method is allocation-free except
 * createVoice, which the renderer calls when an object is created.
 *
 * A bus keeps, per object, a voice (its filter history, the gains in use) that the
 * renderer holds for it: buses know nothing of sources, stems or the scene. Changes of
 * direction are smoothed by the bus (gain ramps, filter crossfades) within the block.
 *
 * Adding an output kind: implement this interface in one file and add its factory to
 * BUS_FACTORIES (createBus.ts).
 */
export interface ObjectBus<Voice = unknown> {
  readonly output: BusOutput;
  /** This block's output: one array of RENDER_BLOCK_FRAMES per channel, in the output's channel order. */
  readonly block: readonly Float32Array[];
  /** How long the bus rings after an object's input stops, frames (at least one block). */
  readonly tailFrames: number;
  /** A voice for an object, or for a bed's or an HOA stem's channel (beds/bedChannels.ts and ambisonics/ambisonicChannels.ts say how each bus renders one). */
  createVoice(channel?: VoiceChannel): Voice;
  /** Clears the block's sums. */
  beginBlock(): void;
  /** Forgets the voice's history and sets it for `placement` at once (no ramp, no crossfade). */
  startVoice(voice: Voice, placement: ObjectPlacement): void;
  /** Adds one object's block (RENDER_BLOCK_FRAMES samples), heard from `placement`. */
  addObject(voice: Voice, input: Float32Array, placement: ObjectPlacement): void;
  /** Writes the block's output into `block`. */
  endBlock(): void;
}
