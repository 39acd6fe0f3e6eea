import { describe, expect, it } from 'vitest';
import { droppedFileKind, sortDroppedFiles } from '../../../src/ui/files/droppedFiles';

describe('droppedFileKind', () => {
  it.each([
    ['kick.wav', '', 'stem'],
    ['KICK.WAV', 'audio/wav', 'stem'],
    ['pad.flac', '', 'stem'],
    ['vox.mp3', 'audio/mpeg', 'stem'],
    ['room.rf64', '', 'stem'],
    ['mix.json', 'application/json', 'scene'],
    ['mix.JSON', '', 'scene'],
    ['notes.txt', 'text/plain', 'other'],
    ['movie.mp4', 'audio/mp4', 'other'],
    ['noextension', 'audio/wav', 'stem'],
    ['noextension', 'application/json', 'scene'],
    ['noextension', '', 'other'],
  ])('%s (%s) is a %s', (name, type, kind) => {
    expect(droppedFileKind(name, type)).toBe(kind);
  });
});

describe('sortDroppedFiles', () => {
  it('sorts into stems, scenes and others, keeping the order within each', () => {
    const files = ['b.wav', 'x.json', 'a.flac', 'readme.md', 'y.json'].map((name) => ({ name, type: '' }));
    const sorted = sortDroppedFiles(files);
    expect(sorted.stems.map((f) => f.name)).toEqual(['b.wav', 'a.flac']);
    expect(sorted.scenes.map((f) => f.name)).toEqual(['x.json', 'y.json']);
    expect(sorted.others.map((f) => f.name)).toEqual(['readme.md']);
  });
});
