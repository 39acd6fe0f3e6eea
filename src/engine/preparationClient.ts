import type { Scene } from '../core/scene/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { AdmMasterBytes, ImportedMasterFiles } from './admMasterWork';
import type { PreparationRequest, PreparationResult } from './preparationProtocol';

type Pending = { resolve: (result: PreparationResult) => void; reject: (error: Error) => void };
type RequestBody = PreparationRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * A stem file's channels at the session's rate (any count: more than two is a bed's stem),
 * its WAVE_FORMAT_EXTENSIBLE channel mask when it has one, with what its reader found
 * wrong but read anyway (a WAV cut short).
 */
export interface DecodedStem {
  readonly channels: Float32Array[];
  readonly channelMask?: number;
  readonly warnings: readonly string[];
}

/** Promise-based access to the preparation worker. */
export interface PreparationClient {
  hrtf(bytes: ArrayBuffer, fileName: string, sampleRateHz: number): Promise<HrtfGrid>;
  generate(generator: string, sampleRateHz: number): Promise<Float32Array[]>;
  decode(bytes: ArrayBuffer, fileName: string, sampleRateHz: number): Promise<DecodedStem>;
  /** Imports an ADM BWF file as a scene and its stem files (admMasterWork.ts). */
  importAdm(bytes: ArrayBuffer, fileName: string): Promise<ImportedMasterFiles>;
  /** Renders a scene (stems: its sources', then its beds') as an ADM BWF master. */
  admMaster(scene: Scene, stems: readonly (readonly Float32Array[])[], sceneName: string): Promise<AdmMasterBytes>;
  dispose(): void;
}

export function createPreparationClient(): PreparationClient {
  const worker = new Worker(new URL('./preparationWorker.ts', import.meta.url), { type: 'module', name: 'stem-preparation' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<PreparationResult>) => {
    const entry = pending.get(event.data.id);
    if (entry === undefined) return;
    pending.delete(event.data.id);
    if (event.data.kind === 'error') entry.reject(new Error(event.data.message));
    else entry.resolve(event.data);
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(`the preparation worker failed: ${event.message}`));
    pending.clear();
  };
  const request = (body: RequestBody, transfer: Transferable[] = []): Promise<PreparationResult> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id }, transfer);
    });
  const stem = (result: PreparationResult): Float32Array[] => {
    if (result.kind !== 'stem') throw new Error('the preparation worker answered with something else than a stem');
    return result.channels;
  };
  return {
    async hrtf(bytes, fileName, sampleRateHz) {
      const result = await request({ kind: 'hrtf', bytes, fileName, sampleRateHz }, [bytes]);
      if (result.kind !== 'hrtf') throw new Error('the preparation worker answered with something else than an HRTF grid');
      return result.grid;
    },
    async generate(generator, sampleRateHz) {
      return stem(await request({ kind: 'generate', generator, sampleRateHz }));
    },
    async decode(bytes, fileName, sampleRateHz) {
      const result = await request({ kind: 'decode', bytes, fileName, sampleRateHz }, [bytes]);
      const channels = stem(result);
      const mask = result.kind === 'stem' ? result.channelMask : undefined;
      return { channels, ...(mask === undefined ? {} : { channelMask: mask }), warnings: result.kind === 'stem' ? (result.warnings ?? []) : [] };
    },
    async importAdm(bytes, fileName) {
      const result = await request({ kind: 'admImport', bytes, fileName }, [bytes]);
      if (result.kind !== 'admImport') throw new Error('the preparation worker answered with something else than an imported master');
      return { sceneText: result.sceneText, stems: result.stems, warnings: result.warnings };
    },
    async admMaster(scene, stems, sceneName) {
      const result = await request({ kind: 'admMaster', scene, stems, sceneName });
      if (result.kind !== 'admMaster') throw new Error('the preparation worker answered with something else than an ADM master');
      return { bytes: result.bytes, channelCount: result.channelCount, peakDbfs: result.peakDbfs };
    },
    dispose() {
      worker.terminate();
    },
  };
}
