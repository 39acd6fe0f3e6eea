import { describe, expect, it } from 'vitest';
import { createMixMeters, processMixMeters, readMixMeters, resetMixMeters } from '../../../../src/dsp/meters/mixMeters';
import { toneSequence } from '../loudness/toneSequence';

const FS = 48_000;

describe('mix meter set (stereo field + multiband + loudness + true peak + goniometer)', () => {
  it('reads a centred -23 dBFS 1 kHz tone: correlation +1, mono loss +3.01 dB, -23.0 LUFS (0.1), true peak -23 dBTP (0.01), 12 000 points per second', () => {
    const tone = toneSequence([{ levelDbfs: -23, durationSec: 5 }], FS);
    const feed = { points: new Float32Array(2 * 4096), cursor: new Int32Array(1) };
    const meters = createMixMeters({ goniometer: { feed } }, FS);
    for (let o = 0; o < tone.length; o += 128) processMixMeters(meters, tone.subarray(o, o + 128), tone.subarray(o, o + 128), 128);
    readMixMeters(meters);
    expect(Math.abs(meters.stereoFieldReading.correlation - 1)).toBeLessThan(1e-9);
    expect(Math.abs(meters.stereoFieldReading.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(1e-9);
    expect(Math.abs(meters.loudnessReading.integratedLufs + 23)).toBeLessThan(0.1);
    expect(Math.abs(meters.loudnessReading.truePeakDbtp + 23)).toBeLessThan(0.01);
    const band = meters.multiband!.bands.findIndex((b) => b.nominalHz === 1000);
    expect(Math.abs(meters.multiband!.correlation[band]! - 1)).toBeLessThan(1e-9);
    expect(Atomics.load(feed.cursor, 0)).toBe(tone.length / 4);
    resetMixMeters(meters);
    readMixMeters(meters);
    expect(meters.stereoFieldReading.correlation).toBe(0);
    expect(meters.loudnessReading.integratedLufs).toBe(-150);
  });
});
