import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';
import { bandPower, crossCorrelationLag, powerSpectrum, toDb } from '../support/signalAnalysis';

const RATE = 48000;
let hrtf: HrtfGrid;
const noise = gaussianNoise(RATE, 7).map((v) => v * 0.1);

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

function renderAt(azimuthDeg: number, elevationDeg = 0): [Float32Array, Float32Array] {
  const scene = testScene([{ azimuthDeg, elevationDeg, distanceM: 1 }], RATE);
  const renderer = createSceneRenderer(scene, [[noise]], { outputs: studioTestOutputs(['binaural']), hrtf });
  return renderById(renderer).binaural!;
}

/** Interaural delay in ms, positive when the left ear leads. */
function itdMs([left, right]: [Float32Array, Float32Array]): number {
  return (crossCorrelationLag(left, right, Math.round(0.0015 * RATE)) / RATE) * 1000;
}

function ildDb([left, right]: [Float32Array, Float32Array], lowHz: number, highHz: number): number {
  return (
    toDb(bandPower(powerSpectrum(left, 1024), RATE, lowHz, highHz)) -
    toDb(bandPower(powerSpectrum(right, 1024), RATE, lowHz, highHz))
  );
}

describe('binaural cues measured on rendered broadband noise (MIT KEMAR)', () => {
  it('a source at azimuth +90 (left) reaches the left ear first by 0.5 to 0.8 ms', () => {
    const itd = itdMs(renderAt(90));
    expect(itd).toBeGreaterThanOrEqual(0.5);
    expect(itd).toBeLessThanOrEqual(0.8);
  });

  it('a source at azimuth -90 (right) reaches the right ear first by 0.5 to 0.8 ms', () => {
    const itd = itdMs(renderAt(-90));
    expect(itd).toBeLessThanOrEqual(-0.5);
    expect(itd).toBeGreaterThanOrEqual(-0.8);
  });

  it('a source at +90 is more than 10 dB louder at the left ear between 4 and 8 kHz', () => {
    expect(ildDb(renderAt(90), 4000, 8000)).toBeGreaterThan(10);
  });

  it('a source at 0 has an interaural delay under 0.05 ms and a level difference under 1.5 dB', () => {
    const ears = renderAt(0);
    expect(Math.abs(itdMs(ears))).toBeLessThan(0.05);
    expect(Math.abs(ildDb(ears, 20, 20000))).toBeLessThan(1.5);
  });

  it('sources at 0 and 180 degrees give clearly different spectra (third-octave levels differ by more than 3 dB RMS, 2-12 kHz)', () => {
    const front = powerSpectrum(renderAt(0)[0], 1024);
    const back = powerSpectrum(renderAt(180)[0], 1024);
    const differences: number[] = [];
    for (let centre = 2000; centre <= 12000; centre *= Math.pow(2, 1 / 3)) {
      const low = centre / Math.pow(2, 1 / 6);
      const high = centre * Math.pow(2, 1 / 6);
      differences.push(toDb(bandPower(front, RATE, low, high)) - toDb(bandPower(back, RATE, low, high)));
    }
    const rmsDifference = Math.sqrt(differences.reduce((s, d) => s + d * d, 0) / differences.length);
    expect(rmsDifference).toBeGreaterThan(3);
  });
});
