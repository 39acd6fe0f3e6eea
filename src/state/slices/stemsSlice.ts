import { sceneStrips } from '../../core/scene/scene';
import type { Scene } from '../../core/scene/scene';
import { stemFileName } from '../../core/stemFileName';
import type { StemFiles } from '../../engine/audioEngine';
import type { EngineReloader, FailedStem } from '../engineReloader';
import { commitSceneEdit } from './historySlice';
import { findMissingStems } from '../missingStems';
import type { MissingStem } from '../missingStems';
import { getLayout } from '../../core/layouts';
import { AMBISONIC_LIMITS, ambisonicChannelCount, ambisonicOrderOfChannels } from '../../core/scene/ambisonicStem';
import type { SceneAmbisonics } from '../../core/scene/ambisonicStem';
import { bedRoutingOf } from '../../core/scene/bedRouting';
import { planStemSources } from '../stemSources';
import type { NamedBlob, PlannedBed, StemFileShape } from '../stemSources';
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
   * Adds one source per usable mono or stereo file, one HOA stem per file of (N + 1)^2
   * channels and one bed per other multichannel file (see
   * planStemSources) as one undoable edit, keeps the files, and adds them to the engine.
   * With an engine, each file is decoded first (engine.prepareStemFile): a file that cannot
   * be decoded or fits no layout makes nothing and is named, with what was wrong, in an
   * error notice; a bed without a channel mask is routed by its channel count and a notice
   * offers the other layout of that size; an HOA stem is taken as AmbiX and a notice offers
   * FuMa. Resolves with the new sources', beds' and HOA stems' ids.
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
      const plan = planStemSources(usable.map((u) => u.file), scene, stemFiles, usable.map((u) => u.shape));
      for (const [name, blob] of plan.stemFiles) stemFiles.set(name, blob);
      set({ stemFilesVersion: get().stemFilesVersion + 1 });
      const beds = plan.beds.map((planned) => planned.bed);
      const { ambisonics } = plan;
      const multichannel = [...beds.map((bed) => [bed.id, bed.channels.length] as const), ...ambisonics.map((hoa) => [hoa.id, ambisonicChannelCount(hoa.order)] as const)];
      if (multichannel.length > 0) get().setStemChannels(Object.fromEntries(multichannel));
      // The new sources reach the engine as additions (engineSync), without reloading the others; a new bed or HOA stem reloads it.
      commitSceneEdit(set, get, context, {
        ...scene,
        sources: [...scene.sources, ...plan.sources],
        ...(beds.length === 0 ? {} : { beds: [...(scene.beds ?? []), ...beds] }),
        ...(ambisonics.length === 0 ? {} : { ambisonics: [...(scene.ambisonics ?? []), ...ambisonics] }),
      });
      set({ missingStems: findMissingStems(get().scene, stemFiles) });
      for (const planned of plan.beds) askBedLayout(get, planned);
      for (const hoa of ambisonics) askAmbisonicFormat(get, hoa);
      return [...plan.sources.map((s) => s.id), ...beds.map((b) => b.id), ...ambisonics.map((a) => a.id)];
    },
    relinkStem(sourceId, file) {
      const { scene } = get();
      const stem = sceneStrips(scene).find((s) => s.id === sourceId)?.stem;
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
 * A bed routed by its channel count (its file has no channel mask, or one of no layout):
 * an info notice says which layout was taken and offers the other layout of that size.
 */
function askBedLayout(get: GetStudioState, { bed, routing }: PlannedBed): void {
  if (routing.from !== 'channel count') return;
  const layout = getLayout(routing.layout);
  const alternative = routing.alternatives[0];
  const other = alternative === undefined ? undefined : getLayout(alternative);
  get().showNotice({
    tone: 'info',
    title: `"${bed.name}" is a ${layout.commonName} bed (${layout.name})`,
    lines: [
      `Its file does not say which loudspeaker each of its ${bed.channels.length} channels feeds (no channel mask), so they are taken in ${layout.commonName} order: ${bed.channels.join(' ')}.`,
      ...(other === undefined ? [] : [`If it is ${other.commonName} (${other.name}), choose it here.`]),
    ],
    ...(other === undefined ? {} : { action: { label: `Use ${other.commonName} (${other.name})`, run: () => get().setBedLayout(bed.id, other.name) } }),
  });
}

/**
 * A file of (N + 1)^2 channels taken as an HOA stem: an info notice says it was taken as
 * AmbiX (SN3D, ACN: what most tools write today) and, up to order 3, offers FuMa
 * (Furse-Malham, the older B-format convention: W X Y Z order and weights).
 */
function askAmbisonicFormat(get: GetStudioState, hoa: SceneAmbisonics): void {
  const channels = ambisonicChannelCount(hoa.order);
  const fuMa = hoa.order <= AMBISONIC_LIMITS.fuMaMaxOrder;
  get().showNotice({
    tone: 'info',
    title: `"${hoa.name}" is an HOA stem of order ${hoa.order} (AmbiX)`,
    lines: [
      `No loudspeaker layout has ${channels} channels: a file of (order + 1)^2 channels is taken as scene-based audio (Ambisonics) and decoded to whatever is monitored.`,
      `Its channels are read as AmbiX: ACN channel order, SN3D normalisation.${fuMa ? ' If it is FuMa B-format (W X Y Z ... order, Furse-Malham weights), choose it here.' : ''}`,
    ],
    ...(fuMa ? { action: { label: 'Use FuMa', run: () => get().setAmbisonicFormat(hoa.id, 'FuMa', 'FuMa') } } : {}),
  });
}

/** A file the engine decoded, with what it found (its channel count and mask); no shape without an engine. */
interface UsableStemFile {
  readonly file: NamedBlob;
  readonly shape?: StemFileShape;
}

/**
 * The files of `files` the engine could decode as stems: mono or stereo (sources) or of a
 * loudspeaker layout's channel count (beds); all of them, as sources, without an engine.
 * The others are named in one error notice, each with its reason, and what the readers
 * found wrong in the ones read (a WAV cut short) in one warning notice.
 */
async function usableStemFiles(set: SetStudioState, get: GetStudioState, context: StudioContext, files: readonly NamedBlob[]): Promise<readonly UsableStemFile[]> {
  const { engine } = context;
  if (engine === null || files.length === 0) return files.map((file) => ({ file }));
  // Decoded under the keys the sources will have, so adding them decodes nothing again.
  const keys = planStemSources(files, get().scene, context.stemFiles).fileKeys;
  const counted = (delta: number): void => set({ decodingStemCount: Math.max(0, get().decodingStemCount + delta) });
  counted(files.length);
  const warnings: string[] = [];
  const results = await Promise.all(
    files.map(async (file, index): Promise<UsableStemFile | string> => {
      try {
        const prepared = await engine.prepareStemFile(file, keys[index] ?? file.name);
        warnings.push(...prepared.warnings);
        const shape: StemFileShape = { channelCount: prepared.channelCount, ...(prepared.channelMask === undefined ? {} : { channelMask: prepared.channelMask }) };
        // A multichannel file must be HOA or fit a layout (throws naming the file and the sizes there are).
        if (shape.channelCount > 2 && ambisonicOrderOfChannels(shape.channelCount) === undefined) bedRoutingOf(shape.channelCount, shape.channelMask, file.name);
        return { file, shape };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return message.includes(file.name) ? message : `${file.name}: ${message}`;
      }
    }),
  );
  counted(-files.length);
  const refused = results.filter((result): result is string => typeof result === 'string');
  if (refused.length > 0) {
    get().showNotice({
      tone: 'error',
      title: refused.length === 1 ? 'A file was not added as a stem' : `${refused.length} files were not added as stems`,
      lines: [...refused, 'Stems must be WAV, FLAC or MP3 files with audio in them: mono or stereo for an object, a loudspeaker layout\'s channels for a bed, (order + 1)^2 channels (4, 9, 16, ... 64) for an HOA stem.'],
    });
  }
  if (warnings.length > 0) {
    get().showNotice({
      tone: 'warning',
      title: warnings.length === 1 ? 'A stem was added with a fault in its file' : `${warnings.length} stems were added with faults in their files`,
      lines: warnings,
    });
  }
  return results.filter((result): result is UsableStemFile => typeof result !== 'string');
}
