import { describe, expect, it } from 'vitest';
import { createMonitorSoloStage, processMonitorSolo, setMonitorSolo } from '../../../../src/render/realtime/monitorSolo';

const RATE = 48000;
const BLOCK = 128;
/** The 800 Hz third-octave band, as the Mono check's Solo band asks for it. */
const BAND_800 = { lowerHz: 1000 * 10 ** (-0.1 - 0.05), upperHz: 1000 * 10 ** (-0.1 + 0.05) };

/** Level of a unit sine at `frequencyHz` after the Solo band, dB against its input, over the last half of 2 s (steady state). */
function soloedLevelDb(frequencyHz: number, blockFrames = BLOCK): number {
  const stage = createMonitorSoloStage(RATE, blockFrames);
  setMonitorSolo(stage, 'stereo', BAND_800);
  const left = new Float32Array(blockFrames);
  const right = new Float32Array(blockFrames);
  const total = 2 * RATE;
  let sum = 0;
  let counted = 0;
  for (let start = 0; start < total; start += blockFrames) {
    const frames = Math.min(blockFrames, total - start);
    for (let i = 0; i < frames; i++) left[i] = right[i] = Math.sin((2 * Math.PI * frequencyHz * (start + i)) / RATE);
    processMonitorSolo(stage, left, right, frames);
    for (let i = 0; i < frames; i++) {
      if (start + i < total / 2) continue;
      sum += left[i]! * left[i]! + right[i]! * right[i]!;
      counted += 2;
    }
  }
  return 10 * Math.log10(sum / counted / 0.5);
}

describe('monitor Solo band (800 Hz third-octave, 708-891 Hz)', () => {
  it('plays 800 Hz at 0 dB (IEC 61260 class 1 mid-band: +-0.3 dB) and takes 500 Hz at least 17.5 dB below it (class 1, an octave away)', () => {
    const at800 = soloedLevelDb(800);
    const at500 = soloedLevelDb(500);
    expect(Math.abs(at800)).toBeLessThan(0.3);
    expect(at800 - at500).toBeGreaterThanOrEqual(17.5);
  });

  it('gives the same steady levels for blocks of 1, 127, 128 and 129 frames (0.01 dB)', () => {
    const reference = soloedLevelDb(630);
    for (const frames of [1, 127, 129]) expect(Math.abs(soloedLevelDb(630, frames) - reference)).toBeLessThan(0.01);
  });
});
