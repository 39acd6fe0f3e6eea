import type { Scene } from '../../core/scene/scene';
import { stemFileName } from '../../core/stemFileName';
import type { StemFiles } from '../../engine/audioEngine';
import type { EngineReloader, FailedStem } from '../engineReloader';
import { commitSceneEdit } from './historySlice';
import { findMissingStems } from '../missingStems';
import type { MissingStem } from '../missingStems';
import { planStemSources } from '../stemSources';
import type { NamedBlob } from '../stemSources';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/**
 * The session's stem files and what loading them found. The files live in one mutable
 * map outside React (StudioContext.stemFiles); stemFilesVersion changes whenever it does.
 */
export interface StemsSlice {
  /** The session's stem files by file name (read-only view of the one map). */
  readonly stemFiles: StemFiles;
  /** Bumped on every change of stemFiles (files added, relinked, cleared). */
  readonly stemFilesVersion: number;
  /** Stems the engine is decoding (or synthesising) now; 0 when idle. */
  readonly decodingStemCount: number;
  /** Sources whose stem file the session does not have (they play silence). */
  readonly missingStems: readonly MissingStem[];
  /** Sources whose stem the engine could not read, from the last load. */
  readonly failedStems: readonly FailedStem[];
  /**
   * Adds one source per file (see planStemSources) as one undoable edit, keeps the files,
   * and reloads the engine. Returns the new sources' ids.
   */
  addStemFiles(files: readonly NamedBlob[]): readonly string[];
  /**
   * Gives a file stem the file `file`, kept under the name the scene expects (every source
   * naming that file hears it), and reloads the engine. Not a scene edit: no undo step.
   */
  relinkStem(sourceId: string, file: Blob): void;
  /** Refreshes missingStems now and loads the scene and stems into the engine (see EngineReloader). */
  reloadEngine(): Promise<void>;
}

export function createStemsSlice(
  set: SetStudioState,
  get: GetStudioState,
  context: StudioContext,
  reloader: EngineReloader,
  initialScene: Scene,
): StemsSlice {
  const { stemFiles } = context;
  return {
    stemFiles,
    stemFilesVersion: 0,
    decodingStemCount: 0,
    missingStems: findMissingStems(initialScene, stemFiles),
    failedStems: [],
    addStemFiles(files) {
      if (files.length === 0) return [];
      const { scene } = get();
      const plan = planStemSources(files, scene, stemFiles);
      for (const [name, blob] of plan.stemFiles) stemFiles.set(name, blob);
      set({ stemFilesVersion: get().stemFilesVersion + 1 });
      // The new sources reach the engine as additions (engineSync), without reloading the others.
      commitSceneEdit(set, get, context, { ...scene, sources: [...scene.sources, ...plan.sources] });
      set({ missingStems: findMissingStems(get().scene, stemFiles) });
      return plan.sources.map((s) => s.id);
    },
    relinkStem(sourceId, file) {
      const stem = get().scene.sources.find((s) => s.id === sourceId)?.stem;
      if (stem?.kind !== 'file') return;
      const fileName = stemFileName(stem.file);
      stemFiles.set(fileName, file);
      set({
        stemFilesVersion: get().stemFilesVersion + 1,
        failedStems: get().failedStems.filter((failure) => failure.fileName !== fileName),
      });
      void get().reloadEngine();
    },
    reloadEngine() {
      set({ missingStems: findMissingStems(get().scene, stemFiles) });
      return reloader.request();
    },
  };
}
