import type { HeadOrientation } from '../../core/orientation';
import type { Scene } from '../../core/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import type { MonoLaw } from '../monoFoldDown';
import type { SourceParams } from '../../core/sourceParams';

/** What the realtime host plays on its two output channels. */
export type MonitorChoice = 'binaural' | 'stereo' | 'mono';

/**
 * Messages from the engine to the realtime host (the AudioWorklet). Everything heavy
 * (stems at the session rate, the triangulated HRTF grid) arrives prepared; stems are
 * Float32Arrays over SharedArrayBuffers, so posting them shares rather than copies.
 */
export type HostMessage =
  | {
      readonly type: 'load';
      readonly scene: Scene;
      /** stems[i]: the channels of scene.sources[i] at the scene's rate. */
      readonly stems: readonly (readonly Float32Array[])[];
      readonly grid: HrtfGrid;
      /** Shared meter and playhead area (METER_LAYOUT), or null when not shared. */
      readonly meters: SharedArrayBuffer | null;
      /** Render all three formats into five output channels (offline export). */
      readonly exportAll: boolean;
      readonly monoLaw: MonoLaw;
      /** Start playing from frame 0 at once (an offline export); otherwise wait for 'play'. */
      readonly startPlaying: boolean;
    }
  | { readonly type: 'source'; readonly index: number; readonly params: SourceParams }
  | { readonly type: 'listener'; readonly orientation: HeadOrientation }
  | { readonly type: 'monitor'; readonly format: MonitorChoice; readonly monoLaw: MonoLaw }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'seek'; readonly frame: number }
  | { readonly type: 'loop'; readonly startFrame: number; readonly endFrame: number }
  | { readonly type: 'noLoop' };

/**
 * Layout of the shared meter area, in Float64 slots. The host writes, the page reads at
 * its own pace (no messages, no allocation on the audio thread).
 */
export const METER_LAYOUT = {
  /** Frames played (the sample-accurate playhead). */
  playheadFrame: 0,
  /** 1 while playing. */
  playing: 1,
  /** Counter bumped on every meter update, so readers can tell fresh values. */
  sequence: 2,
  /** Peak of the monitored left and right outputs over the last meter period, linear (2 slots). */
  outputPeak: 3,
  /** Non-finite blocks the renderer caught (reported, never played). */
  nonFiniteBlocks: 5,
  /** Per source index, the peak of its objects' signals over the last meter period. */
  sourcePeak: 6,
} as const;

export function meterSlots(sourceCount: number): number {
  return METER_LAYOUT.sourcePeak + sourceCount;
}
