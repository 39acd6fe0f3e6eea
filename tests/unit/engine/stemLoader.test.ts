import { describe, expect, it } from 'vitest';
import type { SceneAmbisonics } from '../../../src/core/scene/ambisonicStem';
import type { Scene, SceneBed, SceneSource } from '../../../src/core/scene/scene';
import type { PreparationClient } from '../../../src/engine/preparationClient';
import { loadStems } from '../../../src/engine/stemLoader';
import type { StemCache } from '../../../src/engine/stemLoader';

/** A preparation worker stand-in: a file decodes to as many channels as its size in bytes says. */
const preparation: PreparationClient = {
  hrtf: () => Promise.reject(new Error('no HRTF here')),
  generate: async () => [new Float32Array(4)],
  decode: async (bytes) => ({ channels: Array.from({ length: bytes.byteLength }, () => new Float32Array(4)), warnings: [] }),
  importAdm: () => Promise.reject(new Error('no ADM here')),
  admMaster: () => Promise.reject(new Error('no ADM here')),
  dispose: () => {},
};
const fileOf = (channels: number): Blob => new Blob([new Uint8Array(channels)]);

const source = (id: string, file: string): SceneSource => ({ id, name: id, stem: { kind: 'file', file }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }, spreadDeg: 60 });
const bed = (id: string, file: string): SceneBed => ({ id, name: id, stem: { kind: 'file', file }, layout: '0+5+0', channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'], gainDb: 0, mute: false, solo: false });

describe('loadStems with beds', () => {
  it('loads a bed stem of its label count, refuses other counts naming the bed or the file, and reports a missing bed file', async () => {
    const scene: Pick<Scene, 'sampleRateHz' | 'sources' | 'beds'> = {
      sampleRateHz: 48000,
      sources: [source('vox', 'vox.wav'), source('wide', 'music.wav')],
      beds: [bed('music', 'music.wav'), bed('short', 'stereo.wav'), bed('gone', 'gone.wav')],
    };
    const files = new Map([['vox.wav', fileOf(1)], ['music.wav', fileOf(6)], ['stereo.wav', fileOf(2)]]);
    const cache: StemCache = new Map();
    const loaded = await loadStems(scene, files, cache, preparation);
    expect(loaded.stems.map((s) => s.length)).toEqual([1, 1]);
    expect(loaded.stems[1]![0]!.length).toBe(0);
    expect(loaded.bedStems.map((s) => s?.length ?? null)).toEqual([6, null, null]);
    expect(loaded.report.stemChannels).toEqual({ vox: 1, music: 6 });
    expect([...loaded.report.failed].sort((a, b) => a.sourceId.localeCompare(b.sourceId))).toEqual([
      { sourceId: 'short', message: 'stereo.wav: bed "short" routes 6 channels (M+030, M-030, M+000, LFE1, M+110, M-110) but its stem has 2' },
      { sourceId: 'wide', message: 'music.wav: expected a mono or stereo stem, got 6 channels' },
    ]);
    expect(loaded.report.missing).toEqual([{ sourceId: 'gone', file: 'gone.wav' }]);
  });
});

const hoa = (id: string, file: string, order: number): SceneAmbisonics => ({ id, name: id, stem: { kind: 'file', file }, order, normalization: 'SN3D', channelOrder: 'ACN', gainDb: 0, mute: false, solo: false });

describe('loadStems with HOA stems', () => {
  it('loads an HOA stem of (order + 1)^2 channels and refuses another count naming the file, the stem, its order and both counts', async () => {
    const scene: Pick<Scene, 'sampleRateHz' | 'sources' | 'ambisonics'> = {
      sampleRateHz: 48000,
      sources: [],
      ambisonics: [hoa('room', 'room.wav', 1), hoa('quad', 'quad.wav', 2), hoa('gone', 'gone.wav', 1)],
    };
    const files = new Map([['room.wav', fileOf(4)], ['quad.wav', fileOf(4)]]);
    const loaded = await loadStems(scene, files, new Map(), preparation);
    expect(loaded.ambisonicStems.map((s) => s?.length ?? null)).toEqual([4, null, null]);
    expect(loaded.report.stemChannels).toEqual({ room: 4 });
    expect(loaded.report.failed).toEqual([{ sourceId: 'quad', message: 'quad.wav: HOA stem "quad" of order 2 needs 9 channels ((order + 1)^2) but its stem has 4' }]);
    expect(loaded.report.missing).toEqual([{ sourceId: 'gone', file: 'gone.wav' }]);
  });
});
