import type { HeadOrientation } from '../../core/orientation';
import type { Scene, SceneSource } from '../../core/scene/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import type { MonoLaw } from '../../core/monoLaw';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { SourceParams } from '../../core/scene/sourceParams';
import type { MidSideSettings } from '../../core/scene/midSideSettings';
import type { MidSideMonitor } from '../../dsp/midside/midSideControl';
import type { MonitorSoloBand } from '../../core/monitorSoloBand';

/**
 * Messages from the engine to the realtime host (the AudioWorklet). Everything heavy
 * (stems at the session rate, the triangulated HRTF grid) arrives prepared; stems are
 * Float32Arrays over SharedArrayBuffers, so posting them shares rather than copies.
 */
export type HostMessage =
  | {
      readonly type: 'load';
      readonly scene: Scene;
      /** stems[i]: the channels of scene.sources[i] at the scene's rate, then those of scene.beds, then of scene.ambisonics (sceneStrips' order). */
      readonly stems: readonly (readonly Float32Array[])[];
      /** meterSlots[i]: where the peak of scene.sources[i] (then of its beds and HOA stems) goes in the meter area (METER_LAYOUT.sourcePeak + slot); default i. */
      readonly meterSlots?: readonly number[];
      readonly grid: HrtfGrid;
      /** Shared meter and playhead area (METER_LAYOUT), or null when not shared. */
      readonly meters: SharedArrayBuffer | null;
      /** What the renderer renders (core/outputs). */
      readonly outputs: readonly OutputDefinition[];
      /**
       * 'monitor': the node plays the monitored output (see 'monitor'), with the studio
       * meters; 'export': it writes every output's channels, as exportWire.ts lays them
       * out, with no monitor solo and no studio meters.
       */
      readonly wire: 'monitor' | 'export';
      /** Start playing from frame 0 at once (an offline export); otherwise wait for 'play'. */
      readonly startPlaying: boolean;
      /** Channels of the node's output on the 'monitor' wire (the device's, at most MAX_SPEAKER_METERS); default 2. */
      readonly deviceChannels?: number;
    }
  /** A source added to the loaded scene (its stem prepared, at the scene's rate); it fades in, nothing else restarts. */
  | { readonly type: 'addSource'; readonly source: SceneSource; readonly stem: readonly Float32Array[]; readonly meterSlot: number }
  /** A source removed: it fades out over one block; nothing else restarts. */
  | { readonly type: 'removeSource'; readonly sourceId: string }
  /** New parameters of a source, by id; smoothed. */
  | { readonly type: 'source'; readonly sourceId: string; readonly params: SourceParams }
  /** A larger meter area replaces the current one (more sources than it had slots for). */
  | { readonly type: 'meterArea'; readonly meters: SharedArrayBuffer }
  /** The scene rotation (the scene's `listener`): part of the mix, so exports have it too. */
  | { readonly type: 'listener'; readonly orientation: HeadOrientation }
  /**
   * Live monitoring only (never an export): where the engineer's head points, heard after
   * the scene rotation. Kept across loads; an 'export' wire ignores it.
   */
  | { readonly type: 'monitorHead'; readonly orientation: HeadOrientation }
  /**
   * What the node plays: a rendered output, or a downmix of one (monitorRoute.ts), of one
   * or two channels; monoLaw is the mono law the meters' mono readings use.
   */
  | { readonly type: 'monitor'; readonly output: OutputDefinition; readonly monoLaw: MonoLaw }
  /**
   * The loaded renderer renders these outputs from the next block on, keeping its sources
   * and the buses of outputs kept (sceneRenderer.ts setRendererOutputs): the monitor switches
   * to a layout without a reload. A 'monitor' message follows with what to play.
   */
  | { readonly type: 'outputs'; readonly outputs: readonly OutputDefinition[] }
  /** Live monitoring only: one monitored loudspeaker (by label) heard alone, or null for all (monitorRoute.ts). */
  | { readonly type: 'speakerSolo'; readonly label: string | null }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'seek'; readonly frame: number }
  | { readonly type: 'loop'; readonly startFrame: number; readonly endFrame: number }
  | { readonly type: 'noLoop' }
  /** Live monitoring only (never an export): mid/side solo and band solo, after the monitor selection. */
  | { readonly type: 'monitorSolo'; readonly midSide: MidSideMonitor; readonly band: MonitorSoloBand | null }
  /** Integration time of the correlation and multiband meters, seconds (INTEGRATION_TIME_PRESETS_SEC). */
  | { readonly type: 'meterSettings'; readonly integrationSec: number }
  /** Restarts the loudness measurement: integrated, LRA, maxima and the true-peak hold. */
  | { readonly type: 'resetLoudness' }
  /** The master's mid/side settings (stereo fold-down and binaural); part of the mix, so exports have them too. */
  | { readonly type: 'master'; readonly midSide: MidSideSettings };

