import { readFile } from 'node:fs/promises';
import { stemFilePaths } from '../../../src/cli/loadScene';
import { SCENE_FILE_LIMITS } from '../../../src/core/scene/scene';
import { parseSceneJson } from '../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../src/core/scene/sceneWrite';
import { mutateBytes } from '../byteMutations';
import type { FuzzSeed, FuzzTarget } from '../fuzzCampaign';
import { mutateJson } from '../jsonMutations';

/** Small scenes that read: file and generator stems, mid/side on a source and the master, unknown fields kept. */
function handMadeScenes(): FuzzSeed[] {
  const source = (id: string, stem: object, extra: object = {}) => ({
    id,
    name: id.toUpperCase(),
    stem,
    gainDb: -3,
    mute: false,
    solo: false,
    position: { azimuthDeg: 30, elevationDeg: 10, distanceM: 2 },
    ...extra,
  });
  const base = { format: 'spatial-mix-studio/scene', version: 1, sampleRateHz: 48000, listener: { yawDeg: 10, pitchDeg: 0, rollDeg: 0 } };
  const scenes = {
    'songs/files.json': { ...base, sources: [source('kick', { file: 'stems/kick.wav' }), source('pad', { file: 'pad.flac' }, { spreadDeg: 90, color: '#22aaff' })] },
    'songs/midside.json': {
      ...base,
      sources: [source('lead', { generator: 'lead' }, { midSide: { widthPercent: 150, bassMono: true, sideHighShelfGainDb: 3 } })],
      master: { midSide: { widthPercent: 80 } },
    },
    'songs/newer.json': { ...base, mixer: { buses: [1, 2] }, sources: [source('v', { generator: 'pad', gain: 1 }, { reverbSend: -12 })] },
    'songs/empty.json': { ...base, sources: [] },
    // Version 2 with an HOA stem and a bed beside an object.
    'songs/hoa.json': {
      ...base,
      version: 2,
      objects: [source('lead', { generator: 'lead' })],
      beds: [{ id: 'bed', name: 'Bed', stem: { file: 'bed.wav' }, layout: '0+2+0', channels: ['M+030', 'M-030'], gainDb: 0, mute: false, solo: false }],
      ambisonics: [{ id: 'room', name: 'Room', stem: { file: 'room.wav' }, order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: -3, mute: false, solo: false }],
    },
  };
  return Object.entries(scenes).map(([fileName, scene]) => ({ fileName, bytes: new TextEncoder().encode(JSON.stringify(scene, null, 2)) }));
}

/**
 * Reads as the studio and the command line do: parses, resolves the stem paths by the
 * command line's rule, then checks that what was read is usable: within the limits,
 * saved and read again to the same text (saving used to overflow on deep scenes), and
 * with no prototype touched.
 */
async function readScene(bytes: Uint8Array, fileName: string): Promise<void> {
  const { scene } = parseSceneJson(new TextDecoder().decode(bytes), fileName);
  stemFilePaths(scene, fileName);
  if (scene.sources.length > SCENE_FILE_LIMITS.sources) throw new Error(`${fileName}: ${scene.sources.length} sources read`);
  const saved = serializeScene(scene);
  structuredClone(scene);
  const again = serializeScene(parseSceneJson(saved, fileName).scene);
  if (again !== saved) throw new Error(`${fileName}: saving what was read and reading it again changed it`);
  if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined) {
    throw new Error(`${fileName}: Object.prototype was changed`);
  }
}

/** Scene JSON: the demo, version 2 scenes (timelines, ADM parameters, beds, an HOA stem) and hand-made scenes, mutated as JSON values (most inputs) or as bytes. */
export const sceneJsonTarget: FuzzTarget = {
  parser: 'scene JSON',
  seeds: async () => [
    { fileName: 'scenes/demo.json', bytes: new Uint8Array(await readFile(new URL('../../../scenes/demo.json', import.meta.url))) },
    // Version 2: timelines, ADM parameters, a Cartesian object, a bed.
    { fileName: 'songs/moving.json', bytes: new Uint8Array(await readFile(new URL('../../fixtures/scenes/v2-moving.json', import.meta.url))) },
    ...handMadeScenes(),
  ],
  mutate: (bytes, random) => {
    if (random() < 0.2) return mutateBytes(bytes, random);
    const text = new TextDecoder().decode(bytes);
    return new TextEncoder().encode(mutateJson(text, random));
  },
  read: readScene,
};
