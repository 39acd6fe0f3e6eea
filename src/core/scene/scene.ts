import type { LayoutName } from '../layouts';
import type { SceneAmbisonics } from './ambisonicStem';
import type { MidSideSettings } from './midSideSettings';
import type { AdmCartesianPosition, BinauralRenderMode, ObjectAdmParameters } from './objectMetadata';
import type { ObjectBlock } from './objectTimeline';
import type { Decibels, Degrees, Hertz, Metres } from '../units';

/**
 * The scene, format version 2: what the user mixes: objects (`sources`, written as
 * `objects` in the file) and channel beds. Positions follow ITU-R BS.2076 (ADM):
 * azimuth 0 = front, positive towards the listener's LEFT, in (-180, 180]; elevation
 * +90 = overhead; distance in metres from the listener's head centre.
 *
 * Fields the loader does not know are kept in `extraFields` (and reported as warnings),
 * so a scene written by a newer version survives a load and save here.
 */
export interface Scene {
  readonly version: typeof SCENE_FORMAT_VERSION;
  /** Session sample rate: stems and HRTFs are resampled to it when loaded. */
  readonly sampleRateHz: Hertz;
  readonly listener: ListenerOrientation;
  /** The objects (the file's `objects`; `sources` in version 1). */
  readonly sources: readonly SceneSource[];
  /** Multichannel stems routed to a loudspeaker layout's channels; absent when none. */
  readonly beds?: readonly SceneBed[];
  /** HOA (scene-based) stems (ambisonicStem.ts); absent when none. */
  readonly ambisonics?: readonly SceneAmbisonics[];
  /** Processing of the whole mix; absent when neutral. */
  readonly master?: MasterSettings;
  readonly extraFields?: ExtraFields;
}

export const SCENE_FORMAT = 'spatial-mix-studio/scene';
export const SCENE_FORMAT_VERSION = 2;
/** The versions the loader reads; version 1 is converted (its `sources` are objects without timelines). */
export const READABLE_SCENE_FORMAT_VERSIONS: readonly number[] = [1, 2];
export const SUPPORTED_SAMPLE_RATES_HZ: readonly Hertz[] = [44100, 48000, 88200, 96000];

/** Head orientation: yaw turns to the left (counter-clockwise seen from above), pitch up, roll to the right. */
export interface ListenerOrientation {
  readonly yawDeg: Degrees;
  readonly pitchDeg: Degrees;
  readonly rollDeg: Degrees;
  readonly extraFields?: ExtraFields;
}

/**
 * An object: a mono or stereo stem placed in the scene. Its parameters here are its static
 * values; `timeline`, when present, gives them over time (objectTimeline.ts: ADM blocks,
 * each parameter a block leaves out taking the static value). The ADM parameters the
 * renderer does not use yet (extent, diffuseness, channel lock, divergence, zone
 * exclusion) are kept for the BS.2127 gain calculator and ADM export.
 */
export interface SceneSource extends ObjectAdmParameters {
  /** Unique within the scene; stable across edits (the UI and automation refer to it). */
  readonly id: string;
  readonly name: string;
  readonly stem: StemReference;
  readonly gainDb: Decibels;
  readonly mute: boolean;
  readonly solo: boolean;
  /** Polar position; for a Cartesian object, the polar position it is rendered at (cartesianPosition.ts). */
  readonly position: SourcePosition;
  /** Present: a Cartesian object (ADM's `cartesian` flag), written as its X, Y, Z. */
  readonly cartesianPosition?: AdmCartesianPosition;
  /**
   * For stereo stems: the two channels become two objects at azimuth +/- spreadDeg/2
   * around the source's azimuth (left channel on the left). Ignored for mono stems.
   */
  readonly spreadDeg: Degrees;
  /** Display colour, "#rrggbb". */
  readonly color?: string;
  /**
   * Mid/side processing of the stem before its channels become objects; absent when at
   * the defaults. A mono stem has no side: only its mid gain and mid shelves act.
   */
  readonly midSide?: MidSideSettings;
  /** Absent: DEFAULT_BINAURAL_RENDER_MODE. */
  readonly binauralRenderMode?: BinauralRenderMode;
  /** Blocks in time order; absent or one block: a static object. */
  readonly timeline?: readonly ObjectBlock[];
  readonly extraFields?: ExtraFields;
}

/**
 * A channel bed: a multichannel stem whose channel c feeds the loudspeaker
 * `channels[c]` (a BS.2051 label) of `layout`, rendered to whatever is monitored as
 * BS.2127 renders DirectSpeakers.
 */
export interface SceneBed {
  /** Unique among the scene's objects and beds. */
  readonly id: string;
  readonly name: string;
  readonly stem: StemReference;
  readonly layout: LayoutName;
  /** Per stem channel, the layout's channel label it feeds (each at most once). */
  readonly channels: readonly string[];
  readonly gainDb: Decibels;
  readonly mute: boolean;
  readonly solo: boolean;
  readonly color?: string;
  readonly extraFields?: ExtraFields;
}

/** The master bus: mid/side on the stereo fold-down (before the mono fold-down) and on the binaural output. */
export interface MasterSettings {
  /** Absent when at the defaults. */
  readonly midSide?: MidSideSettings;
  readonly extraFields?: ExtraFields;
}

export interface SourcePosition {
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
  readonly distanceM: Metres;
  readonly extraFields?: ExtraFields;
}

/** A stem is an audio file (path relative to the scene file) or a built-in generator. */
export type StemReference =
  | { readonly kind: 'file'; readonly file: string; readonly extraFields?: ExtraFields }
  | { readonly kind: 'generator'; readonly generator: string; readonly extraFields?: ExtraFields };

export type ExtraFields = Readonly<Record<string, unknown>>;

export const DEFAULT_SPREAD_DEG = 60;

/** Limits the loader enforces, shared with the UI's controls. */
export const SCENE_LIMITS = {
  gainDb: { min: -120, max: 24 },
  elevationDeg: { min: -90, max: 90 },
  /** Closer than this the head model is meaningless; farther is not a mixing distance. */
  distanceM: { min: 0.1, max: 1000 },
  spreadDeg: { min: 0, max: 180 },
  orientationDeg: { min: -180, max: 180 },
} as const;

/**
 * Limits on the file itself, checked before anything else reads it.
 * - nestingDepth: JSON.parse accepts any nesting, but unknown fields are kept and written
 *   back, and writing (JSON.stringify), the autosave (structuredClone) and other recursive
 *   code overflow the call stack near 10,000 levels; a scene needs 4 (unknown fields
 *   included, 64 leaves a newer format ample room).
 * - sources: the real-time renderer's budget. Every source is at least one object (two
 *   for a stereo stem) convolved with HRTFs in every 128-frame block on the audio thread;
 *   512 sources is beyond what any machine renders binaurally in real time (npm run bench
 *   measures the object count per machine), so a larger scene cannot be played anyway.
 * - textChars: ids, names and generator names are shown in lists, meters and messages.
 * - stemPathChars: PATH_MAX of Linux (4096 bytes), the longest path a system opens.
 */
export const SCENE_FILE_LIMITS = {
  nestingDepth: 64,
  sources: 512,
  /** Beds: each is up to a layout's channel count of objects. */
  beds: 64,
  /** Blocks of one object's timeline (an hour in 50 ms blocks is 72,000). */
  timelineBlocks: 100_000,
  /** Zones of one zoneExclusion. */
  exclusionZones: 64,
  textChars: 256,
  stemPathChars: 4096,
} as const;

/** Sources that are heard: not muted and, when any source is soloed, soloed. */
export function audibleSources(scene: Scene): SceneSource[] {
  const anySolo = scene.sources.some((s) => s.solo);
  return scene.sources.filter((s) => !s.mute && (!anySolo || s.solo));
}

/** An object, a bed or an HOA stem: each has a stem, a mixer strip and an id unique among all three. */
export type SceneStrip = SceneSource | SceneBed | SceneAmbisonics;

/** Every object, then every bed, then every HOA stem: the renderer's order of their stems. */
export function sceneStrips(scene: Scene): SceneStrip[] {
  return [...scene.sources, ...(scene.beds ?? []), ...(scene.ambisonics ?? [])];
}

/** The scene's multichannel stems, beds then HOA stems, found by id. */
export function findMultichannelStrip(scene: Scene, id: string | null): SceneBed | SceneAmbisonics | undefined {
  if (id === null) return undefined;
  return scene.beds?.find((b) => b.id === id) ?? scene.ambisonics?.find((a) => a.id === id);
}
