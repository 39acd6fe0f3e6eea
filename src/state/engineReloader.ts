import { sceneStrips } from '../core/scene/scene';
import type { Scene } from '../core/scene/scene';
import { sourceParamsOf } from '../core/scene/sourceParams';
import { stemFileName } from '../core/stemFileName';
import type { SceneLoadReport } from '../engine/audioEngine';
import type { GetStudioState, SetStudioState, StudioContext } from './studioContext';

/** A source whose stem the engine could not read (it plays silence until relinked). */
export interface FailedStem {
  readonly sourceId: string;
  /** The stem's file name, or null for a generator stem. */
  readonly fileName: string | null;
  /** Why, from the decoder (it names the file). */
  readonly message: string;
}

export interface EngineReloader {
  /**
   * Loads the store's scene and stem files into the engine, one load at a time: a request
   * made while a load runs waits for it, and requests made while one waits join that one
   * (it loads the scene as it is when it starts). Resolves when the load is done; never rejects.
   */
  request(): Promise<void>;
  /**
   * Adds the sources `sourceIds` of the store's scene to the engine (engine.addSources),
   * after any load under way, then sends their parameters as they are by then. Records
   * their channel counts and unreadable stems like a load. Resolves when done; never rejects.
   */
  addSources(sourceIds: readonly string[]): Promise<void>;
  /** Resolves once no load is running or waiting. */
  idle(): Promise<void>;
}

/**
 * The store's side of engine.loadScene and engine.addSources: counts the stems still to
 * decode (for the "Decoding N stems" note), then records the report: channel counts,
 * session length and unreadable stems, and re-sends the parameters so edits made while
 * loading are kept. A load the engine refuses (e.g. another sample rate) becomes an error
 * notice.
 */
export function createEngineReloader(set: SetStudioState, get: GetStudioState, context: StudioContext): EngineReloader {
  const preparedGenerators = new Set<string>();
  const preparedFiles = new WeakSet<Blob>();
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;

  const stemKeyOf = (scene: Scene, index: number): string | Blob | null => {
    const stem = scene.sources[index]!.stem;
    if (stem.kind === 'generator') return `${stem.generator}@${scene.sampleRateHz}`;
    return context.stemFiles.get(stemFileName(stem.file)) ?? null;
  };
  const isPrepared = (key: string | Blob): boolean =>
    typeof key === 'string' ? preparedGenerators.has(key) : preparedFiles.has(key);

  /** Sets decodingStemCount to the stems of `scene` no earlier load prepared; returns each source's stem key. */
  const showDecodingCount = (scene: Scene): (string | Blob | null)[] => {
    const keys = scene.sources.map((_, index) => stemKeyOf(scene, index));
    set({ decodingStemCount: new Set(keys.filter((key) => key !== null && !isPrepared(key))).size });
    return keys;
  };

  /** Records what a load or an addition of `scene`'s sources found. */
  const record = (scene: Scene, keys: readonly (string | Blob | null)[], report: SceneLoadReport, failedBefore: readonly FailedStem[]): void => {
    scene.sources.forEach((source, index) => {
      const key = keys[index];
      if (key === null || key === undefined || report.stemChannels[source.id] === undefined) return;
      if (typeof key === 'string') preparedGenerators.add(key);
      else preparedFiles.add(key);
    });
    const state = get();
    state.setStemChannels(report.stemChannels);
    state.setDurationSec(report.lengthSec);
    set({ failedStems: [...failedBefore, ...report.failed.map((failure) => ({ ...failure, fileName: fileNameOf(scene, failure.sourceId) }))] });
  };

  const load = async (): Promise<void> => {
    const { engine } = context;
    if (engine === null) return;
    const { scene } = get();
    const keys = showDecodingCount(scene);
    try {
      const report = await engine.loadScene(scene, context.stemFiles);
      record(scene, keys, report, []);
      // The load took the scene as it was when it started: send what was edited meanwhile.
      get().resyncEngine();
    } catch (error) {
      get().showError(`The session could not be loaded into the audio engine: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      set({ decodingStemCount: 0 });
    }
  };

  const add = async (sourceIds: readonly string[]): Promise<void> => {
    const { engine } = context;
    const { scene } = get();
    const added: Scene = { ...scene, sources: scene.sources.filter((source) => sourceIds.includes(source.id)) };
    if (engine === null || added.sources.length === 0) return;
    const keys = showDecodingCount(added);
    try {
      const report = await engine.addSources(added.sources, context.stemFiles);
      record(added, keys, report, get().failedStems.filter((failure) => !sourceIds.includes(failure.sourceId)));
      // Sent once the sources are in: what was edited while their stems loaded.
      for (const source of get().scene.sources) {
        if (sourceIds.includes(source.id)) engine.updateSource(source.id, sourceParamsOf(source));
      }
    } catch (error) {
      get().showError(`Sources could not be added to the audio engine: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      set({ decodingStemCount: 0 });
    }
  };
  let adding: Promise<void> = Promise.resolve();

  return {
    addSources(sourceIds) {
      adding = Promise.all([adding, running ?? Promise.resolve(), waiting ?? Promise.resolve()]).then(() => add(sourceIds));
      return adding;
    },
    request() {
      if (waiting !== null) return waiting;
      // Shown at once; the load recounts when it starts.
      if (running === null && context.engine !== null) showDecodingCount(get().scene);
      const next = (running ?? Promise.resolve()).then(async () => {
        waiting = null;
        running = next;
        await load();
        if (running === next) running = null;
      });
      waiting = next;
      return next;
    },
    idle() {
      return Promise.all([adding, waiting ?? running ?? Promise.resolve()]).then(() => undefined);
    },
  };
}

function fileNameOf(scene: Scene, sourceId: string): string | null {
  const stem = sceneStrips(scene).find((s) => s.id === sourceId)?.stem;
  return stem?.kind === 'file' ? stemFileName(stem.file) : null;
}
