import { describe, expect, it } from 'vitest';
import { FREE_AZIMUTH_GAP_DEG, azimuthGapDeg, freeAzimuthDeg } from '../../../src/state/freeAzimuth';
import { SOURCE_PALETTE } from '../../../src/state/sourcePalette';
import { sourceNameFromFile, stemFileKey, uniqueSourceId } from '../../../src/state/stemNaming';
import { NEW_SOURCE_DISTANCE_M, planStemSources } from '../../../src/state/stemSources';
import { testScene, testSource } from './fakeEngine';

const audio = (name: string, bytes = 16): File => new File([new Uint8Array(bytes)], name, { type: 'audio/wav' });

describe('freeAzimuthDeg', () => {
  it('takes the front when nothing is there', () => {
    expect(freeAzimuthDeg([])).toBe(0);
    expect(freeAzimuthDeg([180, 120, -120])).toBe(0);
  });

  it('takes the nearest-front candidate at least the free gap from every source, left first', () => {
    expect(freeAzimuthDeg([0])).toBe(30);
    expect(freeAzimuthDeg([0, 30])).toBe(-30);
    expect(freeAzimuthDeg([0, 30, -30])).toBe(15);
    expect(freeAzimuthDeg([5, 30, -30])).toBe(-15);
  });

  it('on a crowded front half, goes behind: the first rear candidate 15 degrees from every source', () => {
    const crowded = [];
    for (let azimuth = -90; azimuth <= 90; azimuth += 10) crowded.push(azimuth);
    expect(freeAzimuthDeg(crowded)).toBe(105);
    expect(freeAzimuthDeg([...crowded, 105])).toBe(-105);
  });

  it('on a crowded circle, takes the middle of the widest empty arc (the one nearest the front of equal arcs)', () => {
    // Every 10 degrees: each candidate (a multiple of 15) is within 5 degrees of a source.
    const every10 = [];
    for (let azimuth = -170; azimuth <= 180; azimuth += 10) every10.push(azimuth);
    // All 36 arcs are 10 degrees wide: the middles nearest the front are +5 and -5; left first.
    expect(freeAzimuthDeg(every10)).toBe(5);
    // A wider arc from 70 to 90 (80 removed) wins: its middle is 80.
    expect(freeAzimuthDeg(every10.filter((a) => a !== 80))).toBe(80);
    // Across the back: without 180, the arc from 170 to -170 is centred on 180.
    expect(freeAzimuthDeg(every10.filter((a) => a !== 180))).toBe(180);
  });

  it('gives 16 stems added one by one 16 places at least 15 degrees apart, and 40 stems 40 places at least 7.5 degrees apart', () => {
    for (const [count, minGapDeg] of [[16, 15], [40, 7.5]] as const) {
      const azimuths: number[] = [];
      for (let i = 0; i < count; i++) azimuths.push(freeAzimuthDeg(azimuths));
      expect(new Set(azimuths).size).toBe(count);
      let smallestGapDeg = 180;
      azimuths.forEach((a, i) => azimuths.slice(i + 1).forEach((b) => (smallestGapDeg = Math.min(smallestGapDeg, azimuthGapDeg(a, b)))));
      expect(smallestGapDeg).toBeGreaterThanOrEqual(minGapDeg);
      for (const a of azimuths) expect(a > -180 && a <= 180).toBe(true);
    }
  });

  it('measures gaps around the circle', () => {
    expect(azimuthGapDeg(170, -170)).toBe(20);
    expect(azimuthGapDeg(-90, 90)).toBe(180);
    expect(azimuthGapDeg(10, 10)).toBe(0);
  });
});

describe('stem naming', () => {
  it('names a source after its file, without the extension', () => {
    expect(sourceNameFromFile('Kick Drum.wav')).toBe('Kick Drum');
    expect(sourceNameFromFile('take.2.flac')).toBe('take.2');
    expect(sourceNameFromFile('.wav')).toBe('.wav');
  });

  it('makes ids from names, unique among the taken ones', () => {
    expect(uniqueSourceId('Kick Drum', new Set())).toBe('kick-drum');
    expect(uniqueSourceId('Kick Drum', new Set(['kick-drum', 'kick-drum-2']))).toBe('kick-drum-3');
    expect(uniqueSourceId('Élan vital!', new Set())).toBe('elan-vital');
    expect(uniqueSourceId('???', new Set())).toBe('stem');
  });

  it('keeps a file under its name unless another file holds it', () => {
    const kick = audio('kick.wav', 10);
    const files = new Map<string, Blob>([['kick.wav', kick]]);
    expect(stemFileKey('snare.wav', audio('snare.wav'), files)).toBe('snare.wav');
    expect(stemFileKey('kick.wav', kick, files)).toBe('kick.wav');
    expect(stemFileKey('kick.wav', audio('kick.wav', 99), files)).toBe('kick (2).wav');
    files.set('kick (2).wav', audio('kick.wav', 99));
    expect(stemFileKey('kick.wav', audio('kick.wav', 7), files)).toBe('kick (3).wav');
  });
});

describe('planStemSources', () => {
  it('gives a new source an id no bed or HOA stem has (the scene would not load again otherwise)', () => {
    const scene = {
      ...testScene(),
      beds: [{ id: 'drums', name: 'Drums', stem: { kind: 'file' as const, file: 'd.wav' }, layout: '0+2+0' as const, channels: ['M+030', 'M-030'], gainDb: 0, mute: false, solo: false }],
      ambisonics: [{ id: 'room', name: 'Room', stem: { kind: 'file' as const, file: 'r.wav' }, order: 1, normalization: 'SN3D' as const, channelOrder: 'ACN' as const, gainDb: 0, mute: false, solo: false }],
    };
    const plan = planStemSources([audio('Drums.wav'), audio('Room.wav')], scene, new Map());
    expect(plan.sources.map((s) => s.id)).toEqual(['drums-2', 'room-2']);
  });

  it('makes one source per file: name, unique id, file stem, front at 2 m, gain 0, palette colour', () => {
    const scene = testScene(); // a at +30, b at -30, c at 180
    const plan = planStemSources([audio('Lead Vox.wav'), audio('a.wav')], scene, new Map());
    expect(plan.sources.map((s) => s.id)).toEqual(['lead-vox', 'a-2']);
    expect(plan.sources.map((s) => s.name)).toEqual(['Lead Vox', 'a']);
    expect(plan.sources.map((s) => s.stem)).toEqual([
      { kind: 'file', file: 'Lead Vox.wav' },
      { kind: 'file', file: 'a.wav' },
    ]);
    for (const source of plan.sources) {
      expect(source.position.distanceM).toBe(NEW_SOURCE_DISTANCE_M);
      expect(source.position.elevationDeg).toBe(0);
      expect(source.gainDb).toBe(0);
      expect(SOURCE_PALETTE).toContain(source.color);
    }
    expect(plan.sources[0]!.color).not.toBe(plan.sources[1]!.color);
    expect([...plan.stemFiles.keys()]).toEqual(['Lead Vox.wav', 'a.wav']);
  });

  it('gives every file of a batch its own free azimuth, away from the scene and from each other', () => {
    const scene = testScene();
    const files = ['1.wav', '2.wav', '3.wav', '4.wav', '5.wav'].map((name) => audio(name));
    const { sources } = planStemSources(files, scene, new Map());
    const azimuths = sources.map((s) => s.position.azimuthDeg);
    const occupied = scene.sources.map((s) => s.position.azimuthDeg);
    azimuths.forEach((azimuth, index) => {
      expect(Math.abs(azimuth)).toBeLessThanOrEqual(90);
      const others = [...occupied, ...azimuths.filter((_, i) => i !== index)];
      expect(Math.min(...others.map((a) => azimuthGapDeg(azimuth, a)))).toBeGreaterThanOrEqual(FREE_AZIMUTH_GAP_DEG);
    });
  });

  it('keeps ids unique with the scene and within the batch, and renames a second different file of the same name', () => {
    const scene = { ...testScene(), sources: [testSource('kick', { stem: { kind: 'file', file: 'kick.wav' } })] };
    const existing = new Map<string, Blob>([['kick.wav', audio('kick.wav', 10)]]);
    const plan = planStemSources([audio('kick.wav', 20), audio('kick.wav', 30)], scene, existing);
    expect(plan.sources.map((s) => s.id)).toEqual(['kick-2', 'kick-3']);
    expect(plan.sources.map((s) => s.stem)).toEqual([
      { kind: 'file', file: 'kick (2).wav' },
      { kind: 'file', file: 'kick (3).wav' },
    ]);
    expect([...plan.stemFiles.keys()]).toEqual(['kick (2).wav', 'kick (3).wav']);
  });
});
