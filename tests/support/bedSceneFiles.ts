import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getLayout } from '../../src/core/layouts';
import { encodeWav } from '../../src/io/wav';
import { gaussianNoise } from './prng';

/** Labels of the 7.1.2 (2+7+0) bed the test scenes use, in BS.2051 order. */
export const BED_LABELS = getLayout('2+7+0').channels.map((c) => c.label);

export interface BedSceneOptions {
  readonly seconds: number;
  /** Noise in the bed's M+030 and in the two objects (default true). */
  readonly withObjects?: boolean;
  /** The bed's LFE: a 50 Hz tone of this amplitude (0: silent). */
  readonly lfeAmplitude: number;
  /** Objects' render modes (default near and far). */
  readonly renderModes?: readonly [string, string];
}

/**
 * Writes `<dir>/<name>.json`, a 48 kHz scene of two mono objects (noise at M+030-ish and
 * M-110, 0.025 RMS) and a 7.1.2 bed (noise in M+030, a 50 Hz tone in the LFE), with its
 * stems as 32-bit float WAV files in `<dir>/stems/`. Returns the scene file's path.
 */
export async function writeBedScene(dir: string, name: string, options: BedSceneOptions): Promise<string> {
  const rate = 48000;
  const frames = options.seconds * rate;
  const withObjects = options.withObjects ?? true;
  const noise = (seed: number): Float32Array => gaussianNoise(frames, seed).map((x) => 0.025 * x);
  const silence = new Float32Array(frames);
  const lfe = Float32Array.from({ length: frames }, (_, i) => options.lfeAmplitude * Math.sin((2 * Math.PI * 50 * i) / rate));
  await mkdir(path.join(dir, 'stems'), { recursive: true });
  const wav = async (file: string, channels: Float32Array[]): Promise<void> => {
    await writeFile(path.join(dir, 'stems', file), encodeWav({ sampleRateHz: rate, channels }, { sampleFormat: 'float32' }));
  };
  await wav(`${name}-bed.wav`, BED_LABELS.map((label) => (label === 'LFE1' ? lfe : label === 'M+030' && withObjects ? noise(11) : silence)));
  const modes = options.renderModes ?? ['near', 'far'];
  const objects = [];
  if (withObjects) {
    await wav(`${name}-a.wav`, [noise(12)]);
    await wav(`${name}-b.wav`, [noise(13)]);
    objects.push(
      { id: 'a', name: 'Object A', stem: { file: `stems/${name}-a.wav` }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 20, elevationDeg: 0, distanceM: 1 }, binauralRenderMode: modes[0] },
      { id: 'b', name: 'Object B', stem: { file: `stems/${name}-b.wav` }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: -110, elevationDeg: 15, distanceM: 1 }, binauralRenderMode: modes[1] },
    );
  }
  const scene = {
    format: 'spatial-mix-studio/scene',
    version: 2,
    sampleRateHz: rate,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    objects,
    beds: [{ id: 'bed', name: 'Bed', stem: { file: `stems/${name}-bed.wav` }, layout: '2+7+0', channels: BED_LABELS, gainDb: 0, mute: false, solo: false }],
  };
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(scene, null, 2));
  return file;
}
