import { describe, expect, it } from 'vitest';
import {
  DEMO_LENGTH_SEC,
  DEMO_STEM_NAMES,
  generateDemoStem,
  haasDelaySamples,
  HAAS_DELAY_SEC,
  isDemoStemName,
  SIDE_TO_MID_ENERGY_RATIO,
} from '../../../scenes/generators/index';
import type { DemoStemName } from '../../../scenes/generators/index';
import { BAR_COUNT, partPlaysInBar, SECONDS_PER_BAR } from '../../../scenes/generators/song';

/** One rate for the whole file; each stem is generated once here and once more for determinism. */
const SAMPLE_RATE_HZ = 48000;
const FRAMES = DEMO_LENGTH_SEC * SAMPLE_RATE_HZ;
const STEREO_STEMS: ReadonlySet<DemoStemName> = new Set(['distortedGuitar', 'pad', 'ambience']);

/** The brief's headroom window for every stem's sample peak. */
const MIN_PEAK_DBFS = -12;
const MAX_PEAK_DBFS = -1;
/** Largest allowed mean per channel: -120 dBFS (the 20 Hz high-pass leaves about 1e-8). */
const MAX_DC = 1e-6;
/** A bar where the arrangement has the part playing must reach at least this RMS. */
const MIN_BAR_RMS_DBFS = -45;
/** The pad's side/mid energy ratio must be within 10 % of its design value. */
const SIDE_TO_MID_TOLERANCE = 0.1;
/** The pad leans out of phase: L/R correlation at most this (design value about -0.2). */
const MAX_PAD_CORRELATION = -0.1;
/** The ambience is decorrelated between channels: |L/R correlation| below this. */
const MAX_AMBIENCE_CORRELATION = 0.5;

const cache = new Map<DemoStemName, Float32Array[]>();
function stem(name: DemoStemName): Float32Array[] {
  let channels = cache.get(name);
  if (!channels) {
    channels = generateDemoStem(name, SAMPLE_RATE_HZ);
    cache.set(name, channels);
  }
  return channels;
}

function channelOf(channels: Float32Array[], index: number): Float32Array {
  const channel = channels[index];
  if (!channel) throw new Error(`no channel ${index}`);
  return channel;
}

function toDb(value: number): number {
  return 20 * Math.log10(value);
}

function dot(a: Float32Array, b: Float32Array, start = 0, end = a.length, lag = 0): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += (a[i] ?? 0) * (b[i + lag] ?? 0);
  return sum;
}

function correlation(left: Float32Array, right: Float32Array): number {
  return dot(left, right) / Math.sqrt(dot(left, left) * dot(right, right));
}

describe('demo stems', () => {
  it('names the stems and recognises only those names', () => {
    expect(DEMO_STEM_NAMES.length).toBeGreaterThanOrEqual(6);
    for (const name of DEMO_STEM_NAMES) expect(isDemoStemName(name)).toBe(true);
    expect(isDemoStemName('kazoo')).toBe(false);
    expect(DEMO_LENGTH_SEC).toBeGreaterThanOrEqual(30);
  });

  describe.each(DEMO_STEM_NAMES.map((name) => [name]))('%s', (name) => {
    it('has the right channel count and exactly DEMO_LENGTH_SEC of frames', () => {
      const channels = stem(name);
      expect(channels).toHaveLength(STEREO_STEMS.has(name) ? 2 : 1);
      for (const channel of channels) expect(channel.length).toBe(FRAMES);
    });

    it('is deterministic: a second call gives identical samples', () => {
      const again = generateDemoStem(name, SAMPLE_RATE_HZ);
      stem(name).forEach((channel, c) => {
        const other = channelOf(again, c);
        let firstMismatch = -1;
        for (let i = 0; i < channel.length && firstMismatch < 0; i++) if (channel[i] !== other[i]) firstMismatch = i;
        expect(firstMismatch).toBe(-1);
      });
    });

    it(`peaks within [${MIN_PEAK_DBFS}, ${MAX_PEAK_DBFS}] dBFS, finite everywhere, without DC`, () => {
      let peak = 0;
      for (const channel of stem(name)) {
        let sum = 0;
        let finite = true;
        for (let i = 0; i < channel.length; i++) {
          const sample = channel[i] ?? 0;
          finite &&= Number.isFinite(sample);
          peak = Math.max(peak, Math.abs(sample));
          sum += sample;
        }
        expect(finite).toBe(true);
        expect(Math.abs(sum / channel.length)).toBeLessThan(MAX_DC);
      }
      expect(toDb(peak)).toBeGreaterThanOrEqual(MIN_PEAK_DBFS);
      expect(toDb(peak)).toBeLessThanOrEqual(MAX_PEAK_DBFS);
    });

    it(`reaches ${MIN_BAR_RMS_DBFS} dBFS RMS in every bar where the arrangement has it play`, () => {
      const barFrames = SECONDS_PER_BAR * SAMPLE_RATE_HZ;
      const quietBars: string[] = [];
      for (let bar = 0; bar < BAR_COUNT; bar++) {
        if (!partPlaysInBar(name, bar)) continue;
        let energy = 0;
        for (const channel of stem(name)) energy += dot(channel, channel, bar * barFrames, (bar + 1) * barFrames);
        const rmsDbfs = toDb(Math.sqrt(energy / (barFrames * stem(name).length)));
        if (!(rmsDbfs >= MIN_BAR_RMS_DBFS)) quietBars.push(`bar ${bar}: ${rmsDbfs.toFixed(1)} dBFS`);
      }
      expect(quietBars).toEqual([]);
    });
  });

  describe('distortedGuitar (Haas widening)', () => {
    it('states the delay in whole samples at each session rate', () => {
      expect(HAAS_DELAY_SEC).toBe(0.012);
      expect(haasDelaySamples(44100)).toBe(529);
      expect(haasDelaySamples(48000)).toBe(576);
      expect(haasDelaySamples(96000)).toBe(1152);
    });

    it('has the right channel lagging the left by exactly the stated delay (cross-correlation peak)', () => {
      const [left, right] = [channelOf(stem('distortedGuitar'), 0), channelOf(stem('distortedGuitar'), 1)];
      const delaySamples = haasDelaySamples(SAMPLE_RATE_HZ);
      // One second of the chorus; lags from -2x to +2x the delay.
      const start = 9 * SECONDS_PER_BAR * SAMPLE_RATE_HZ;
      const end = start + SAMPLE_RATE_HZ;
      let bestLag = 0;
      let bestValue = -Infinity;
      for (let lag = -2 * delaySamples; lag <= 2 * delaySamples; lag++) {
        const value = dot(left, right, start, end, lag);
        if (value > bestValue) {
          bestValue = value;
          bestLag = lag;
        }
      }
      expect(bestLag).toBe(delaySamples);
    });
  });

  describe('pad (wide, partly out of phase)', () => {
    it(`has side energy ${SIDE_TO_MID_ENERGY_RATIO} x its mid energy (+-${SIDE_TO_MID_TOLERANCE * 100} %) and a negative L/R correlation`, () => {
      const [left, right] = [channelOf(stem('pad'), 0), channelOf(stem('pad'), 1)];
      let midEnergy = 0;
      let sideEnergy = 0;
      for (let i = 0; i < left.length; i++) {
        midEnergy += (((left[i] ?? 0) + (right[i] ?? 0)) / 2) ** 2;
        sideEnergy += (((left[i] ?? 0) - (right[i] ?? 0)) / 2) ** 2;
      }
      expect(Math.abs(sideEnergy / midEnergy / SIDE_TO_MID_ENERGY_RATIO - 1)).toBeLessThan(SIDE_TO_MID_TOLERANCE);
      expect(correlation(left, right)).toBeLessThan(MAX_PAD_CORRELATION);
    });
  });

  describe('ambience', () => {
    it(`is decorrelated between channels (|r| < ${MAX_AMBIENCE_CORRELATION})`, () => {
      const [left, right] = [channelOf(stem('ambience'), 0), channelOf(stem('ambience'), 1)];
      expect(Math.abs(correlation(left, right))).toBeLessThan(MAX_AMBIENCE_CORRELATION);
    });
  });
});
