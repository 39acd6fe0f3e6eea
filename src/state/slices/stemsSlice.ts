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
   * Adds one source per usable file (see planStemSources) as one undoable edit, keeps the
   * files, and adds the sources to the engine. With an engine, each file is decoded first
   * (engine.prepareStemFile): a file that cannot be decoded or is not mono or stereo makes
   * no source and is named, with what was wrong, in an error notice. Resolves with the new
   * sources' ids.
   */
  addStemFiles(files: readonly NamedBlob[]): Promise<readonly string[]>;
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
    async addStemFiles(files) {
      const usable = await usableStemFiles(set, get, context, files);
      if (usable.length === 0) return [];
      const { scene } = get();
      const plan = planStemSources(usable, scene, stemFiles);
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

/**
 * The files of `files` the engine could decode as mono or stereo stems (all of them
 * without an engine); the others are named in one error notice, each with its reason, and
 * what the readers found wrong in the ones read (a WAV cut short) in one warning notice.
 */
async function usableStemFiles(set: SetStudioState, get: GetStudioState, context: StudioContext, files: readonly NamedBlob[]): Promise<readonly NamedBlob[]> {
  const { engine } = context;
  if (engine === null || files.length === 0) return files;
  // Decoded under the keys the sources will have, so adding them decodes nothing again.
  const keys = planStemSources(files, get().scene, context.stemFiles).sources.map((source) => source.stem);
  const counted = (delta: number): void => set({ decodingStemCount: Math.max(0, get().decodingStemCount + delta) });
  counted(files.length);
  const warnings: string[] = [];
  const problems = await Promise.all(
    files.map(async (file, index) => {
      const stem = keys[index];
      try {
        const prepared = await engine.prepareStemFile(file, stem?.kind === 'file' ? stemFileName(stem.file) : file.name);
        warnings.push(...prepared.warnings);
        return null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return message.includes(file.name) ? message : `${file.name}: ${message}`;
      }
    }),
  );
  counted(-files.length);
  const refused = problems.filter((problem): problem is string => problem !== null);
  if (refused.length > 0) {
    get().showNotice({
      tone: 'error',
      title: refused.length === 1 ? 'A file was not added as a stem' : `${refused.length} files were not added as stems`,
      lines: [...refused, 'Stems must be mono or stereo WAV, FLAC or MP3 files with audio in them.'],
    });
  }
  if (warnings.length > 0) {
    get().showNotice({
      tone: 'warning',
      title: warnings.length === 1 ? 'A stem was added with a fault in its file' : `${warnings.length} stems were added with faults in their files`,
      lines: warnings,
    });
  }
  return files.filter((_, index) => problems[index] === null);
}
