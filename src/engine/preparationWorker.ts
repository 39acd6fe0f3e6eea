import { DEMO_STEM_NAMES, generateDemoStem, isDemoStemName } from '../../scenes/generators/index';
import { createHrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { resampleHrtfSet } from '../dsp/hrtf/resampleHrtfSet';
import { decodeAudioFile } from '../io/decodeAudioFile';
import { decodeHrtfFile } from '../io/hrtfFile';
import { prepareStem } from '../render/prepareStem';
import { encodeAdmMaster, importAdmMasterFiles } from './admMasterWork';
import type { PreparationRequest, PreparationResult } from './preparationProtocol';

/**
 * The preparation worker: decodes and resamples stems, synthesises the demo's stems,
 * readies the HRTF grid, and imports and renders ADM BWF masters (admMasterWork.ts), the same code the command line runs, so the page renders the
 * same samples. Stems come back in SharedArrayBuffers, shared with the audio thread
 * without copies.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PreparationRequest>) => void) | null;
  postMessage(message: PreparationResult, transfer?: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    const result = await prepare(request);
    // Files made here are handed over, not copied.
    const transfer = result.kind === 'admMaster' ? [result.bytes.buffer] : result.kind === 'admImport' ? result.stems.map((stem) => stem.bytes.buffer) : [];
    scope.postMessage(result, transfer);
  } catch (error) {
    scope.postMessage({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

async function prepare(request: PreparationRequest): Promise<PreparationResult> {
  switch (request.kind) {
    case 'hrtf': {
      const set = decodeHrtfFile(new Uint8Array(request.bytes), request.fileName);
      const atRate = set.sampleRateHz === request.sampleRateHz ? set : resampleHrtfSet(set, request.sampleRateHz);
      return { id: request.id, kind: 'hrtf', grid: createHrtfGrid(atRate) };
    }
    case 'generate': {
      if (!isDemoStemName(request.generator)) {
        throw new Error(`unknown stem generator "${request.generator}" (expected one of ${DEMO_STEM_NAMES.join(', ')})`);
      }
      return { id: request.id, kind: 'stem', channels: shared(generateDemoStem(request.generator, request.sampleRateHz)) };
    }
    case 'decode': {
      const audio = await decodeAudioFile(new Uint8Array(request.bytes), request.fileName);
      // More than two channels: a bed's stem (the engine checks the count against the bed or source it feeds).
      const count = audio.channels.length;
      const channels = shared(prepareStem(audio, request.sampleRateHz, request.fileName, count > 2 ? count : undefined));
      return {
        id: request.id,
        kind: 'stem',
        channels,
        ...(audio.channelMask === undefined ? {} : { channelMask: audio.channelMask }),
        ...(audio.warnings === undefined ? {} : { warnings: audio.warnings }),
      };
    }
    case 'admImport':
      return { id: request.id, kind: 'admImport', ...importAdmMasterFiles(new Uint8Array(request.bytes), request.fileName) };
    case 'admMaster':
      return { id: request.id, kind: 'admMaster', ...encodeAdmMaster(request.scene, request.stems, request.sceneName) };
  }
}

function shared(channels: readonly Float32Array[]): Float32Array[] {
  return channels.map((channel) => {
    const copy = new Float32Array(new SharedArrayBuffer(channel.byteLength));
    copy.set(channel);
    return copy;
  });
}
