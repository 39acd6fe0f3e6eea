import type { Scene } from '../core/scene/scene';
import type { AudioEngine } from '../engine/audioEngine';
import type { StudioState } from './studioState';

/** What the slices share: the engine and the store's settings. Built once by createStudioStore. */
export interface StudioContext {
  readonly engine: AudioEngine | null;
  /** Undo steps kept; older ones are dropped. */
  readonly historyDepth: number;
  /**
   * Brings sources that an edit, an undo or a redo added into the engine (their stems
   * prepared, then their parameters sent: EngineReloader.addSources), without reloading
   * the others.
   */
  readonly addSourcesToEngine: (sourceIds: readonly string[]) => void;
  /** Loads the whole scene into the engine again (StemsSlice.reloadEngine), e.g. after an undo across sample rates. */
  readonly reloadEngine: () => void;
  /**
   * The session's stem files by file name (see StemFiles): one mutable map for the
   * store's life, changed only by the stems and session actions, which bump
   * stemFilesVersion so subscribers see the change.
   */
  readonly stemFiles: Map<string, Blob>;
  /** The scene newSession() starts from (the demo). */
  readonly demoScene: Scene;
  /** Milliseconds clock (performance.now by default; tests pass their own). */
  readonly nowMs: () => number;
  /** When the store last told the engine to play, pause or stop (ms on nowMs), see TRANSPORT_SETTLE_MS. */
  readonly transportCommand: { atMs: number };
}

export type SetStudioState = (partial: Partial<StudioState>) => void;
export type GetStudioState = () => StudioState;
