import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAdmScene } from '../../src/cli/admScene/importAdmScene';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { parseSceneJson } from '../../src/core/scene/sceneParse';
import type { Scene } from '../../src/core/scene/scene';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { decodeWav } from '../../src/io/wavDecode';
import { encodeWav } from '../../src/io/wavEncode';

/**
 * The first-order HOA fixture (eps__hoa_4ch_1stOrderAmbix_commondef: AP_00040001, SN3D,
 * ACN; a plane wave circling in the horizontal plane, Z silent) imported and rendered by
 * the command line. A plane wave's HOA signal in SN3D has W equal to the wave's pressure,
 * so W's energy is the input's: a loudspeaker render (power-normalised decoder, like a
 * panned object's gains) should put out about W's energy in all, and a binaural render
 * about what an object carrying W gives at the ears.
 */
const FIXTURE = 'tests/fixtures/adm/eps__hoa_4ch_1stOrderAmbix_commondef.wav';
let dir: string;
let scenePath: string;
let w: Float32Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hoa-render-'));
  scenePath = await importAdmScene(FIXTURE, dir, () => {});
  w = readAdmBwf(new Uint8Array(await readFile(FIXTURE)), FIXTURE).audio.channels[0]!;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(scene: string, format: string): Promise<Float32Array[]> {
  const parsed = parseRenderArgs([scene, '--format', format, '--bits', '32f', '--out', path.join(dir, 'out'), '--force']);
  if (parsed === 'help') throw new Error('unexpected help');
  const [written] = await runRender(parsed, () => {});
  return decodeWav(new Uint8Array(await readFile(written!.file)), written!.file).channels as Float32Array[];
}

function energy(channel: Float32Array): number {
  let sum = 0;
  for (const v of channel) sum += v * v;
  return sum;
}

const db = (ratio: number): number => 10 * Math.log10(ratio);

describe('HOA from ADM: import and render (eps__hoa_4ch_1stOrderAmbix_commondef)', () => {
  it('imports as one HOA stem of order 1, SN3D, ACN, its 4 channels the file\'s exactly', async () => {
    const { scene } = parseSceneJson(await readFile(scenePath, 'utf8'), scenePath);
    expect(scene.sources).toEqual([]);
    expect(scene.ambisonics).toEqual([{ id: 'adm-1', name: 'Track 2', stem: { kind: 'file', file: 'eps__hoa_4ch_1stOrderAmbix_commondef-stems/01-Track_2.wav' }, order: 1, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false }]);
    const stemPath = path.join(dir, 'eps__hoa_4ch_1stOrderAmbix_commondef-stems/01-Track_2.wav');
    const stem = decodeWav(new Uint8Array(await readFile(stemPath)), stemPath).channels;
    const file = readAdmBwf(new Uint8Array(await readFile(FIXTURE)), FIXTURE).audio.channels;
    expect(stem).toHaveLength(4);
    stem.forEach((channel, c) => expect(channel).toEqual(file[c]));
  });

  it('renders to 7.1.4: finite, LFE silent, the loudspeakers\' energy W\'s within 1 dB (measured -0.46 dB)', async () => {
    const channels = await render(scenePath, '7.1.4');
    expect(channels).toHaveLength(12);
    expect(channels.every((c) => c.every(Number.isFinite))).toBe(true);
    // 7.1.4 in WAVE order: L R C LFE ...
    expect(energy(channels[3]!)).toBe(0);
    const total = channels.reduce((sum, c) => sum + energy(c), 0);
    expect(Math.abs(db(total / energy(w)))).toBeLessThan(1);
  }, 60_000);

  it('renders binaurally: finite, each ear within 1 dB of an object carrying W, averaged over front, left, back and right (measured 0.24 dB below; left and right within 1e-3 dB)', async () => {
    const ears = await render(scenePath, 'binaural');
    expect(ears.every((c) => c.every(Number.isFinite))).toBe(true);
    await writeFile(path.join(dir, 'w.wav'), encodeWav({ sampleRateHz: 48000, channels: [w] }, { sampleFormat: 'float32' }));
    let objectEnergy = 0;
    for (const azimuthDeg of [0, 90, 180, -90]) {
      const scene: Omit<Scene, 'sources'> & { objects: unknown[] } = {
        version: 2,
        sampleRateHz: 48000,
        listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
        objects: [{ id: 'w', name: 'W', stem: { file: 'w.wav' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg, elevationDeg: 0, distanceM: 1 }, spreadDeg: 0 }],
      };
      const file = path.join(dir, `object-${azimuthDeg}.json`);
      await writeFile(file, JSON.stringify({ format: 'spatial-mix-studio/scene', ...scene }));
      const object = await render(file, 'binaural');
      objectEnergy += (energy(object[0]!) + energy(object[1]!)) / 4;
    }
    const hoaEnergy = energy(ears[0]!) + energy(ears[1]!);
    expect(Math.abs(db(hoaEnergy / objectEnergy))).toBeLessThan(1);
    // Left and right alike (the wave circles the head).
    expect(Math.abs(db(energy(ears[0]!) / energy(ears[1]!)))).toBeLessThan(0.5);
  }, 120_000);

  it('7.1.4 turns with the scene rotation (the field is part of the scene): other samples, the loudspeakers\' energy the same within 0.5 dB', async () => {
    const json = JSON.parse(await readFile(scenePath, 'utf8'));
    json.listener.yawDeg = 90;
    const turned = path.join(dir, 'turned.scene.json');
    await writeFile(turned, JSON.stringify(json));
    const [a, b] = [await render(scenePath, '7.1.4'), await render(turned, '7.1.4')];
    expect(b.some((channel, c) => channel.some((v, i) => v !== a[c]![i]))).toBe(true);
    const total = (channels: Float32Array[]): number => channels.reduce((sum, c) => sum + energy(c), 0);
    expect(Math.abs(db(total(b) / total(a)))).toBeLessThan(0.5);
  }, 60_000);

  it('renders to stereo and mono through the 0+2+0 decoder and the mono law: finite, not silent', async () => {
    for (const format of ['stereo', 'mono']) {
      const channels = await render(scenePath, format);
      expect(channels.every((c) => c.every(Number.isFinite))).toBe(true);
      expect(db(channels.reduce((sum, c) => sum + energy(c), 0) / energy(w))).toBeGreaterThan(-3);
    }
  }, 60_000);
});
