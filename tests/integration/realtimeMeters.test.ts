import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { measureLoudness } from '../../src/dsp/loudness/measureLoudness';
import { METER_LAYOUT, goniometerRing, meterSlots } from '../../src/render/realtime/meterLayout';
import type { HostMessage } from '../../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import type { RealtimeHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { gaussianNoise } from '../support/prng';
import { studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * The studio meters and the monitor solo in the realtime host (run in Node, as the
 * AudioWorklet runs it). Sources sit at 1 m (distance gain 1) and are monitored on the
 * stereo fold-down, where BS.2127's 0+2+0 panning puts azimuth 0 equally on both channels
 * and +30 / -30 degrees (the loudspeakers' own directions) on L alone / R alone.
 */

const RATE = 48000;
const grids = new Map<number, HrtfGrid>();

beforeAll(async () => {
  for (const rate of [44100, 48000]) grids.set(rate, await loadHrtfGrid(undefined, rate));
});

const CENTRE = { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 };
const HARD_LEFT = { azimuthDeg: 30, elevationDeg: 0, distanceM: 1 };

interface Rig {
  readonly host: RealtimeHost;
  readonly view: Float64Array;
}

/** A playing host with a shared meter area, monitoring stereo. `stem` holds the source's channels. */
function playingHost(stem: readonly Float32Array[], position = CENTRE, rate = RATE): Rig {
  const scene = testScene([position], rate);
  const area = new SharedArrayBuffer(meterSlots(1) * Float64Array.BYTES_PER_ELEMENT);
  const host = createRealtimeHost(rate);
  const load: HostMessage = { type: 'load', scene, stems: [stem], grid: grids.get(rate)!, meters: area, outputs: studioTestOutputs(['binaural', 'stereo']), wire: 'monitor', startPlaying: false };
  handleHostMessage(host, load);
  handleHostMessage(host, { type: 'monitor', output: studioTestOutputs(['stereo'])[0]!, monoLaw: '-3dB' });
  handleHostMessage(host, { type: 'play' });
  return { host, view: new Float64Array(area) };
}

/** Runs `blocks` blocks; returns the two output channels. */
function run(host: RealtimeHost, blocks: number, onBlock?: (block: number) => void): [Float32Array, Float32Array] {
  const out: [Float32Array, Float32Array] = [new Float32Array(blocks * RENDER_BLOCK_FRAMES), new Float32Array(blocks * RENDER_BLOCK_FRAMES)];
  const block = [new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)];
  for (let b = 0; b < blocks; b++) {
    onBlock?.(b);
    processHost(host, block);
    out[0].set(block[0]!, b * RENDER_BLOCK_FRAMES);
    out[1].set(block[1]!, b * RENDER_BLOCK_FRAMES);
  }
  return out;
}

function sine(frequencyHz: number, amplitude: number, seconds: number, rate = RATE): Float32Array {
  return new Float32Array(Math.round(seconds * rate)).map((_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / rate));
}

function rmsOf(signal: Float32Array, from: number): number {
  let sum = 0;
  for (let i = from; i < signal.length; i++) sum += signal[i]! * signal[i]!;
  return Math.sqrt(sum / (signal.length - from));
}

const dB = (ratio: number): number => 20 * Math.log10(ratio);


describe('studio meters of the monitored output', () => {
  it('reads a centred mono source as correlation +1 and mono sum vs stereo +3.01 dB (-3 dB law: identical channels add in phase)', () => {
    const { host, view } = playingHost([gaussianNoise(RATE * 2, 1).map((x) => 0.1 * x)]);
    run(host, 375);
    expect(view[METER_LAYOUT.correlation]).toBeCloseTo(1, 2);
    expect(Math.abs(view[METER_LAYOUT.correlation]! - 1)).toBeLessThan(0.01);
    // 10 log10(2 g^2 (1 + 1)) with g = 1/sqrt2: 10 log10 2 = 3.0103 dB.
    expect(Math.abs(view[METER_LAYOUT.monoVsStereoDb]! - 10 * Math.log10(2))).toBeLessThan(0.05);
    // S = 0: the side sits at the meters' floor, far below the mid.
    expect(view[METER_LAYOUT.midSideRatioDb]!).toBeGreaterThan(60);
    expect(view[METER_LAYOUT.signalPresent]).toBe(1);
    // Every band with energy reads +1 (identical channels pass identical filters).
    const bands = view[METER_LAYOUT.bandCount]!;
    expect(bands).toBe(31);
    for (let b = 3; b < bands - 2; b++) expect(Math.abs(view[METER_LAYOUT.bandCorrelation + b]! - 1)).toBeLessThan(0.01);
    expect(view[METER_LAYOUT.bandCentreHz + 17]).toBeCloseTo(1000, 6);
  });

  it('reads a stereo stem with R = -L spread to hard left and right as correlation -1', () => {
    const left = gaussianNoise(RATE * 2, 2).map((x) => 0.1 * x);
    const right = left.map((x) => -x);
    const { host, view } = playingHost([left, right]);
    run(host, 375);
    expect(view[METER_LAYOUT.correlation]! + 1).toBeLessThan(0.01);
    // Inverted channels cancel in mono: the mono sum vs stereo is at the floor (-150 dB).
    expect(view[METER_LAYOUT.monoVsStereoDb]!).toBeLessThan(-60);
  });

  it('publishes the loudness of what it played as measureLoudness measures the same output (within 0.1 LU)', () => {
    // 1 kHz at 0.25 for 2 s, then 0.05 for 2 s: integrated, LRA and the maxima all have something to say.
    const stem = new Float32Array(4 * RATE);
    stem.set(sine(1000, 0.25, 2), 0);
    stem.set(sine(1000, 0.05, 2), 2 * RATE);
    const { host, view } = playingHost([stem]);
    // 1500 blocks = 4 s: a whole number of meter periods (12 blocks) and loudness sub-blocks (4800 frames).
    const output = run(host, 1500);
    const reference = measureLoudness(output, RATE);
    expect(Math.abs(view[METER_LAYOUT.integratedLufs]! - reference.integratedLufs)).toBeLessThan(0.1);
    expect(Math.abs(view[METER_LAYOUT.momentaryLufs]! - reference.momentaryLufs)).toBeLessThan(0.1);
    expect(Math.abs(view[METER_LAYOUT.shortTermLufs]! - reference.shortTermLufs)).toBeLessThan(0.1);
    expect(Math.abs(view[METER_LAYOUT.maxMomentaryLufs]! - reference.maxMomentaryLufs)).toBeLessThan(0.1);
    expect(Math.abs(view[METER_LAYOUT.loudnessRangeLu]! - reference.loudnessRangeLu)).toBeLessThan(0.1);
    // measureLoudness also flushes the oversampler's tail; a steady sine's true peak is in the body already.
    expect(Math.abs(view[METER_LAYOUT.truePeakDbtp]! - reference.truePeakDbtp)).toBeLessThan(0.1);
    expect(reference.integratedLufs).toBeGreaterThan(-30);
  });

  it('holds every reading while paused, and restarts the loudness measurement on resetLoudness', () => {
    const { host, view } = playingHost([sine(1000, 0.25, 3)]);
    run(host, 375);
    handleHostMessage(host, { type: 'pause' });
    run(host, 1);
    const held = Float64Array.from(view.subarray(0, METER_LAYOUT.goniometerCursor));
    run(host, 200);
    expect(Float64Array.from(view.subarray(0, METER_LAYOUT.goniometerCursor))).toEqual(held);
    const sequence = view[METER_LAYOUT.sequence]!;
    expect(view[METER_LAYOUT.integratedLufs]!).toBeGreaterThan(-30);
    handleHostMessage(host, { type: 'resetLoudness' });
    // Published at once: nothing measured since the reset reads the -150 floor.
    expect(view[METER_LAYOUT.sequence]).toBe(sequence + 1);
    expect(view[METER_LAYOUT.integratedLufs]).toBe(-150);
    expect(view[METER_LAYOUT.maxMomentaryLufs]).toBe(-150);
    expect(view[METER_LAYOUT.truePeakDbtp]).toBe(-150);
  });

  it('takes the integration time from meterSettings and refuses a bad one with a clear error', () => {
    const { host, view } = playingHost([sine(1000, 0.25, 1)]);
    expect(view[METER_LAYOUT.integrationSec]).toBeCloseTo(0.3, 12);
    handleHostMessage(host, { type: 'meterSettings', integrationSec: 3 });
    expect(view[METER_LAYOUT.integrationSec]).toBe(3);
    expect(host.monitorMeters!.mix.stereoField.moments.decay).toBeCloseTo(Math.exp(-64 / (3 * RATE)), 12);
    expect(() => handleHostMessage(host, { type: 'meterSettings', integrationSec: -1 })).toThrow(/integrationSec .* got -1/);
  });

  it('feeds the goniometer ring: a centred source draws the vertical line x = 0', () => {
    const { host } = playingHost([sine(440, 0.3, 1)]);
    run(host, 100);
    const ring = goniometerRing(host.monitorMeters!.mix.goniometer!.feed.points.buffer as SharedArrayBuffer);
    // 100 blocks x 128 frames / decimation 4 = 3200 points.
    expect(Atomics.load(ring.cursor, 0)).toBe(3200);
    let largestX = 0;
    let largestY = 0;
    for (let k = 0; k < 3200; k++) {
      largestX = Math.max(largestX, Math.abs(ring.points[2 * k]!));
      largestY = Math.max(largestY, Math.abs(ring.points[2 * k + 1]!));
    }
    expect(largestX).toBeLessThan(1e-6);
    // y = M = (L + R)/sqrt2 and the stereo pan gives L = R = 0.3/sqrt2 at the centre (equal power).
    expect(largestY).toBeGreaterThan(0.25);
  });

  it('updates at least 25 times per second of audio at 44.1 and 48 kHz', () => {
    for (const rate of [44100, 48000]) {
      const { host, view } = playingHost([sine(1000, 0.1, 3, rate)], CENTRE, rate);
      const blocks = Math.round((2 * rate) / RENDER_BLOCK_FRAMES);
      const before = view[METER_LAYOUT.sequence]!;
      run(host, blocks);
      const perSecond = (view[METER_LAYOUT.sequence]! - before) / ((blocks * RENDER_BLOCK_FRAMES) / rate);
      expect(perSecond).toBeGreaterThanOrEqual(25);
      expect(perSecond).toBeLessThanOrEqual(35);
      expect(view[METER_LAYOUT.nonFiniteBlocks]).toBe(0);
    }
  });

  it('costs this much per block (information only, not asserted)', () => {
    const stem = [gaussianNoise(RATE * 4, 3).map((x) => 0.1 * x)];
    const timed = (rig: Rig): number => {
      run(rig.host, 100);
      const start = performance.now();
      run(rig.host, 1000);
      return (performance.now() - start) / 1000;
    };
    const withMeters = timed(playingHost(stem));
    const bare = createRealtimeHost(RATE);
    handleHostMessage(bare, { type: 'load', scene: testScene([CENTRE], RATE), stems: [stem], grid: grids.get(RATE)!, meters: null, outputs: studioTestOutputs(['binaural', 'stereo']), wire: 'monitor', startPlaying: true });
    const without = timed({ host: bare, view: new Float64Array(0) });
    const blockMs = (RENDER_BLOCK_FRAMES / RATE) * 1000;
    console.info(
      `realtime host, one source, per 128-frame block (${blockMs.toFixed(2)} ms of audio): ${without.toFixed(4)} ms without the studio meters, ` +
        `${withMeters.toFixed(4)} ms with them (meters ${(withMeters - without).toFixed(4)} ms, ${((100 * (withMeters - without)) / blockMs).toFixed(1)} % of real time)`,
    );
    expect(withMeters).toBeGreaterThan(0);
  });
});

describe('monitor solo', () => {
  it('band solo 2-4 kHz: a 1 kHz tone falls to the sixth-order Butterworth figure, a 3 kHz tone passes within 0.05 dB', () => {
    // Theory (analogue sixth-order Butterworth band-pass, edges 2 and 4 kHz): |H|^2 = 1 / (1 + x^6), x = (f^2 - f0^2) / (f (f2 - f1)).
    const butterworth6Db = (f: number): number => -10 * Math.log10(1 + ((f * f - 8e6) / (f * 2000)) ** 6);
    const theory1k = butterworth6Db(1000); // -32.6 dB
    const theory3k = butterworth6Db(3000); // -0.0001 dB
    expect(theory1k).toBeCloseTo(-32.64, 1);
    for (const [frequencyHz, theoryDb, toleranceDb] of [
      [1000, theory1k, 0.3],
      [3000, theory3k, 0.05],
    ] as const) {
      const stem = [sine(frequencyHz, 0.3, 2)];
      const plain = playingHost(stem);
      const soloed = playingHost(stem);
      handleHostMessage(soloed.host, { type: 'monitorSolo', midSide: 'stereo', band: { lowerHz: 2000, upperHz: 4000 } });
      const [reference] = run(plain.host, 375);
      const [left] = run(soloed.host, 375);
      // Steady state: the last half second; the digital filter's prewarping moves the 1 kHz figure by under 0.3 dB.
      const gainDb = dB(rmsOf(left, RATE / 2) / rmsOf(reference, RATE / 2));
      expect(Math.abs(gainDb - theoryDb), `${frequencyHz} Hz: ${gainDb.toFixed(2)} dB`).toBeLessThan(toleranceDb);
    }
  });

  it('fades the band solo in and out without a step, and leaves the signal untouched once off', () => {
    const stem = [sine(3000, 0.3, 2)];
    const plain = playingHost(stem);
    const soloed = playingHost(stem);
    const [reference] = run(plain.host, 300);
    const [left] = run(soloed.host, 300, (block) => {
      if (block === 50) handleHostMessage(soloed.host, { type: 'monitorSolo', midSide: 'stereo', band: { lowerHz: 2000, upperHz: 4000 } });
      if (block === 150) handleHostMessage(soloed.host, { type: 'monitorSolo', midSide: 'stereo', band: null });
    });
    // A 3 kHz sine of amplitude A has |second difference| <= A w^2; a step would add the step's size.
    const peak = 0.3 * Math.SQRT1_2;
    const w = (2 * Math.PI * 3000) / RATE;
    let largest = 0;
    for (let n = 2 * RENDER_BLOCK_FRAMES; n < left.length; n++) largest = Math.max(largest, Math.abs(left[n]! - 2 * left[n - 1]! + left[n - 2]!));
    // Bound: the sine's own curvature, plus the slope of a 20 ms (960-frame) crossfade between two ~equal sines.
    expect(largest).toBeLessThan(peak * w * w * 1.05 + (4 * peak) / 960);
    // 20 ms after switching off, the output is the plain monitor again, sample for sample.
    const from = 160 * RENDER_BLOCK_FRAMES;
    for (let n = from; n < left.length; n++) expect(left[n]).toBe(reference[n]);
  });

  it('mid/side solo of a hard-left source plays L = R = M/sqrt2 (mid) and L = R = S/sqrt2 (side), both about L_in/2', () => {
    // midSide.ts: M = (L + R)/sqrt2 and S = (L - R)/sqrt2; the processor's solo matrix plays
    // M/sqrt2 = (L + R)/2 (or S/sqrt2 = (L - R)/2) on both channels. For a hard-left source
    // (R = 0) both are L_in/2, 6.02 dB below L_in.
    const stem = [gaussianNoise(RATE, 4).map((x) => 0.2 * x)];
    const [inLeft, inRight] = run(playingHost(stem, HARD_LEFT).host, 200);
    // The stereo fold-down at +30 degrees puts (almost) everything on the left: R more than 40 dB down.
    expect(dB(rmsOf(inRight, 0) / rmsOf(inLeft, 0))).toBeLessThan(-40);
    for (const mode of ['mid', 'side'] as const) {
      const { host } = playingHost(stem, HARD_LEFT);
      handleHostMessage(host, { type: 'monitorSolo', midSide: mode, band: null });
      const [left, right] = run(host, 200);
      const sign = mode === 'mid' ? 1 : -1;
      // After the processor's 20 ms glide (960 frames; 8 blocks are 1024); float rounding 1e-7.
      const from = 8 * RENDER_BLOCK_FRAMES;
      let largestError = 0;
      for (let n = from; n < left.length; n++) {
        largestError = Math.max(largestError, Math.abs(left[n]! - (inLeft[n]! + sign * inRight[n]!) / 2));
        expect(right[n]).toBe(left[n]);
      }
      expect(largestError).toBeLessThan(1e-6);
      expect(dB(rmsOf(left, from) / rmsOf(inLeft, from))).toBeCloseTo(dB(0.5), 1);
    }
  });

  it('never reaches an export: with a solo set, the five export channels are those of the plain host', () => {
    const stem = [sine(1000, 0.3, 0.2)];
    const scene = testScene([HARD_LEFT], RATE);
    const load: HostMessage = { type: 'load', scene, stems: [stem], grid: grids.get(RATE)!, meters: null, outputs: studioTestOutputs(['binaural', 'stereo', 'mono']), wire: 'export', startPlaying: true };
    const outputs = (solo: boolean): Float32Array[] => {
      const host = createRealtimeHost(RATE);
      handleHostMessage(host, load);
      if (solo) handleHostMessage(host, { type: 'monitorSolo', midSide: 'side', band: { lowerHz: 2000, upperHz: 4000 } });
      const out = Array.from({ length: 5 }, () => new Float32Array(80 * RENDER_BLOCK_FRAMES));
      const block = Array.from({ length: 5 }, () => new Float32Array(RENDER_BLOCK_FRAMES));
      for (let b = 0; b < 80; b++) {
        processHost(host, block);
        block.forEach((channel, c) => out[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
      }
      return out;
    };
    expect(outputs(true)).toEqual(outputs(false));
  });

  it('refuses a band whose edges are not 0 < lowerHz < upperHz, naming them', () => {
    const { host } = playingHost([sine(1000, 0.3, 0.2)]);
    expect(() => handleHostMessage(host, { type: 'monitorSolo', midSide: 'stereo', band: { lowerHz: 4000, upperHz: 2000 } })).toThrow(
      /monitor solo band: expected .*lowerHz 4000, upperHz 2000/,
    );
  });
});
