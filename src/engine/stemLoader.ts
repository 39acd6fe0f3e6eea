import { checkAmbisonicStemChannels } from '../core/scene/ambisonicStem';
import { checkBedStemChannels } from '../core/scene/bedParse';
import type { Scene, StemReference } from '../core/scene/scene';
import { stemFileName } from '../core/stemFileName';
import type { SceneLoadReport, StemFiles } from './audioEngine';
import type { DecodedStem, PreparationClient } from './preparationClient';

/** Prepared stems by origin and rate ("generator:pad@48000", "file:kick.wav@48000"), shared across loads. */
export type StemCache = Map<string, Promise<Omit<DecodedStem, 'warnings'>>>;

export interface LoadedStems {
  /** stems[i]: channels of scene.sources[i]; one empty channel for a missing or unreadable stem. */
  readonly stems: Float32Array[][];
  /** bedStems[j]: channels of scene.beds[j]; null for a missing or unreadable stem or one of another channel count (the bed is left out). */
  readonly bedStems: (Float32Array[] | null)[];
  /** ambisonicStems[k]: channels of scene.ambisonics[k], null as for a bed (the HOA stem is left out). */
  readonly ambisonicStems: (Float32Array[] | null)[];
  readonly report: Omit<SceneLoadReport, 'lengthSec'>;
}

/** The cache key of a stem file's channels at a sample rate. */
export function fileStemKey(fileName: string, sizeBytes: number, sampleRateHz: number): string {
  return `file:${fileName}:${sizeBytes}@${sampleRateHz}`;
}

/**
 * Decodes `file` for the cache (see AudioEngine.prepareStemFile); a failure is not cached.
 * Resolves with its channels, its channel mask and its reader's warnings (none when it was decoded before).
 */
export async function prepareStemFile(file: Blob, fileName: string, sampleRateHz: number, cache: StemCache, preparation: PreparationClient): Promise<DecodedStem> {
  const key = fileStemKey(fileName, file.size, sampleRateHz);
  const cached = cache.get(key);
  if (cached !== undefined) return { ...(await cached), warnings: [] };
  const decoded = file.arrayBuffer().then((bytes) => preparation.decode(bytes, fileName, sampleRateHz));
  cache.set(key, decoded);
  decoded.catch(() => cache.delete(key));
  return decoded;
}

/** A source's, a bed's or an HOA stem's stem, and the check its channel count must pass (throws naming it). */
interface StemRequest {
  readonly id: string;
  readonly stem: StemReference;
  readonly checkChannels: (count: number, describe: string) => void;
}

/**
 * Prepares every source's, bed's and HOA stem's stem: generators in the worker, files from
 * `files` by name. A missing or unreadable stem, or one of a channel count its source (1 or
 * 2), bed (its labels) or HOA stem ((order + 1)^2) cannot take, leaves its source silent or
 * its bed or HOA stem out and is reported, so one bad file never stops the rest of the
 * session from loading.
 */
export async function loadStems(
  scene: Pick<Scene, 'sampleRateHz' | 'sources' | 'beds' | 'ambisonics'>,
  files: StemFiles,
  cache: StemCache,
  preparation: PreparationClient,
): Promise<LoadedStems> {
  const missing: { sourceId: string; file: string }[] = [];
  const failed: { sourceId: string; message: string }[] = [];
  const stemChannels: Record<string, number> = {};
  const load = async ({ id, stem, checkChannels }: StemRequest): Promise<Float32Array[] | null> => {
    const rate = scene.sampleRateHz;
    let key: string;
    let make: () => Promise<Omit<DecodedStem, 'warnings'>>;
    let describe: string;
    if (stem.kind === 'generator') {
      key = `generator:${stem.generator}@${rate}`;
      describe = `generator "${stem.generator}"`;
      make = async () => ({ channels: await preparation.generate(stem.generator, rate) });
    } else {
      const name = stemFileName(stem.file);
      const blob = files.get(name);
      key = fileStemKey(name, blob?.size ?? 0, rate);
      describe = name;
      if (blob === undefined && !cache.has(key)) {
        missing.push({ sourceId: id, file: stem.file });
        return null;
      }
      make = async () => preparation.decode(await blob!.arrayBuffer(), name, rate);
    }
    let prepared = cache.get(key);
    if (prepared === undefined) {
      prepared = make();
      cache.set(key, prepared);
    }
    let channels: Float32Array[];
    try {
      channels = (await prepared).channels;
    } catch (error) {
      cache.delete(key);
      failed.push({ sourceId: id, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
    try {
      checkChannels(channels.length, describe);
    } catch (error) {
      failed.push({ sourceId: id, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
    stemChannels[id] = channels.length;
    return channels;
  };
  const checkObject = (count: number, describe: string): void => {
    if (count !== 1 && count !== 2) throw new Error(`${describe}: expected a mono or stereo stem, got ${count} channels`);
  };
  const beds = scene.beds ?? [];
  const [stems, bedStems, ambisonicStems] = await Promise.all([
    Promise.all(scene.sources.map(async (source) => (await load({ id: source.id, stem: source.stem, checkChannels: checkObject })) ?? [new Float32Array(0)])),
    Promise.all(beds.map((bed) => load({ id: bed.id, stem: bed.stem, checkChannels: (count, describe) => checkBedStemChannels(bed, count, describe) }))),
    Promise.all((scene.ambisonics ?? []).map((hoa) => load({ id: hoa.id, stem: hoa.stem, checkChannels: (count, describe) => checkAmbisonicStemChannels(hoa, count, describe) }))),
  ]);
  return { stems, bedStems, ambisonicStems, report: { missing, failed, stemChannels } };
}
