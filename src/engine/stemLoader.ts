import type { Scene } from '../core/scene/scene';
import { stemFileName } from '../core/stemFileName';
import type { SceneLoadReport, StemFiles } from './audioEngine';
import type { DecodedStem, PreparationClient } from './preparationClient';

/** Prepared stems by origin and rate ("generator:pad@48000", "file:kick.wav@48000"), shared across loads. */
export type StemCache = Map<string, Promise<Float32Array[]>>;

export interface LoadedStems {
  /** stems[i]: channels of scene.sources[i]; one empty channel for a missing or unreadable stem. */
  readonly stems: Float32Array[][];
  readonly report: Omit<SceneLoadReport, 'lengthSec'>;
}

/** The cache key of a stem file's channels at a sample rate. */
export function fileStemKey(fileName: string, sizeBytes: number, sampleRateHz: number): string {
  return `file:${fileName}:${sizeBytes}@${sampleRateHz}`;
}

/**
 * Decodes `file` for the cache (see AudioEngine.prepareStemFile); a failure is not cached.
 * Resolves with its channels and its reader's warnings (none when it was decoded before).
 */
export async function prepareStemFile(file: Blob, fileName: string, sampleRateHz: number, cache: StemCache, preparation: PreparationClient): Promise<DecodedStem> {
  const key = fileStemKey(fileName, file.size, sampleRateHz);
  const cached = cache.get(key);
  if (cached !== undefined) return { channels: await cached, warnings: [] };
  const decoded = file.arrayBuffer().then((bytes) => preparation.decode(bytes, fileName, sampleRateHz));
  const channels = decoded.then((stem) => stem.channels);
  cache.set(key, channels);
  channels.catch(() => cache.delete(key));
  return decoded;
}

/**
 * Prepares every source's stem: generators in the worker, files from `files` by name.
 * A missing or unreadable stem leaves its source silent and is reported, so one bad
 * file never stops the rest of the session from loading.
 */
export async function loadStems(
  scene: Pick<Scene, 'sampleRateHz' | 'sources'>,
  files: StemFiles,
  cache: StemCache,
  preparation: PreparationClient,
): Promise<LoadedStems> {
  const missing: { sourceId: string; file: string }[] = [];
  const failed: { sourceId: string; message: string }[] = [];
  const stemChannels: Record<string, number> = {};
  const stems = await Promise.all(
    scene.sources.map(async (source): Promise<Float32Array[]> => {
      const stem = source.stem;
      const rate = scene.sampleRateHz;
      let key: string;
      let make: () => Promise<Float32Array[]>;
      if (stem.kind === 'generator') {
        key = `generator:${stem.generator}@${rate}`;
        make = () => preparation.generate(stem.generator, rate);
      } else {
        const name = stemFileName(stem.file);
        const blob = files.get(name);
        key = fileStemKey(name, blob?.size ?? 0, rate);
        if (blob === undefined && !cache.has(key)) {
          missing.push({ sourceId: source.id, file: stem.file });
          return [new Float32Array(0)];
        }
        make = async () => (await preparation.decode(await blob!.arrayBuffer(), name, rate)).channels;
      }
      let prepared = cache.get(key);
      if (prepared === undefined) {
        prepared = make();
        cache.set(key, prepared);
      }
      try {
        const channels = await prepared;
        stemChannels[source.id] = channels.length;
        return channels;
      } catch (error) {
        cache.delete(key);
        failed.push({ sourceId: source.id, message: error instanceof Error ? error.message : String(error) });
        return [new Float32Array(0)];
      }
    }),
  );
  return { stems, report: { missing, failed, stemChannels } };
}
