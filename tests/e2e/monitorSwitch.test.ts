import { beforeAll, describe, expect, it } from 'vitest';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import type { StudioOutputId } from '../../src/core/outputs/studioOutputs';
import type { MonoLaw } from '../../src/core/monoLaw';
import { monoLawGain } from '../../src/core/monoLaw';
import { useStudioSession } from './support/studioSession';
import { readPageArray } from './support/pageArrays';
import type { MonitorSwitchRequest } from './pages/monitorSwitch';

/**
 * Monitor switching while playing, in Chromium's AudioWorklet (the Node version of the
 * same check is in tests/integration/realtimeHost.test.ts). A 300 Hz sine at 50 degrees
 * left plays through the studio's worklet in an OfflineAudioContext; the monitor goes
 * binaural -> stereo -> mono (-3 dB) -> mono (-6 dB) -> binaural at scheduled blocks.
 */

const RATE = 48000;
const FREQUENCY_HZ = 300;
const AMPLITUDE = 0.4;
const SECONDS = 3;
const request: MonitorSwitchRequest = {
  sampleRateHz: RATE,
  frequencyHz: FREQUENCY_HZ,
  amplitude: AMPLITUDE,
  blocks: (SECONDS * RATE) / RENDER_BLOCK_FRAMES,
  position: { azimuthDeg: 50, elevationDeg: 10, distanceM: 1 },
  switches: [
    { block: 188, format: 'stereo', monoLaw: '-3dB' },
    { block: 375, format: 'mono', monoLaw: '-3dB' },
    { block: 563, format: 'mono', monoLaw: '-6dB' },
    { block: 750, format: 'binaural', monoLaw: '-6dB' },
  ],
};
/** Live and export run the same renderer on the same input: equal up to float rounding of the mix (about 1e-7 here). */
const ORACLE_TOLERANCE = 1e-6;
/** A switch takes effect at the block it was scheduled before, or (message delivery permitting) the next one. */
const MAX_SWITCH_LATENCY_BLOCKS = 1;
/** The stem starts abruptly at frame 0; its onset (not a switch) is left out, as in the Node test. */
const ANALYSIS_START = 2 * RENDER_BLOCK_FRAMES;

const session = useStudioSession({ open: false });
let live: Float32Array[];
let reference: { binaural: Float32Array[]; stereo: Float32Array[]; mono3dB: Float32Array };

beforeAll(async () => {
  const { page } = session;
  await page.goto(new URL('tests/e2e/pages/monitorSwitch.html', session.server.url).href);
  await page.waitForFunction(() => (globalThis as { __monitorSwitch?: unknown }).__monitorSwitch !== undefined, undefined, { timeout: 90_000 });
  await page.evaluate((r) => (globalThis as unknown as { __monitorSwitch: { run(r: MonitorSwitchRequest): Promise<number[]> } }).__monitorSwitch.run(r), request);
  const arrays: Float32Array[] = [];
  for (let i = 0; i < 7; i++) arrays.push(await readPageArray(page, i));
  live = arrays.slice(0, 2);
  reference = { binaural: arrays.slice(2, 4), stereo: arrays.slice(4, 6), mono3dB: arrays[6]! };
});

/** What the monitor plays for `format` at frame n, channel c (monitorRoute.ts: mono is the -3 or -6 dB downmix of stereo). */
function monitorSample(format: StudioOutputId, monoLaw: MonoLaw, c: 0 | 1, n: number): number {
  if (format === 'binaural') return reference.binaural[c]![n]!;
  if (format === 'stereo') return reference.stereo[c]![n]!;
  return (reference.stereo[0]![n]! + reference.stereo[1]![n]!) * monoLawGain(monoLaw);
}

/** Largest |x[n] - 2x[n-1] + x[n-2]| over [from, to): a sine of amplitude A has A w^2; a click is far above it. */
function largestSecondDifference(signal: Float32Array, from: number, to: number): number {
  let largest = 0;
  for (let n = Math.max(2, from); n < to; n++) largest = Math.max(largest, Math.abs(signal[n]! - 2 * signal[n - 1]! + signal[n - 2]!));
  return largest;
}

function blockDiffersFrom(format: StudioOutputId, monoLaw: MonoLaw, block: number): boolean {
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
    const n = block * RENDER_BLOCK_FRAMES + i;
    for (const c of [0, 1] as const) {
      if (Math.abs(live[c]![n]! - monitorSample(format, monoLaw, c, n)) > ORACLE_TOLERANCE) return true;
    }
  }
  return false;
}

describe('monitor switching in the browser AudioWorklet', () => {
  it('rendered the whole request in both contexts', () => {
    for (const channel of [...live, ...reference.binaural, ...reference.stereo, reference.mono3dB]) {
      expect(channel.length).toBe(request.blocks * RENDER_BLOCK_FRAMES);
    }
    // The export's mono is the -3 dB fold-down of its stereo (within float rounding).
    let largest = 0;
    for (let n = 0; n < reference.mono3dB.length; n++) {
      largest = Math.max(largest, Math.abs(reference.mono3dB[n]! - monitorSample('mono', '-3dB', 0, n)));
    }
    expect(largest).toBeLessThan(ORACLE_TOLERANCE);
  });

  it('makes no sample step larger than the signal: second difference below A w^2 plus a one-block crossfade', () => {
    const omega = (2 * Math.PI * FREQUENCY_HZ) / RATE;
    const margins: string[] = [];
    for (const [c, signal] of live.entries()) {
      const peak = signal.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(peak).toBeGreaterThan(0.05);
      // A one-block linear crossfade between two sines adds at most 2A/128 per sample to
      // the slope, so the second difference can grow by 2 * 2A/128 at the ramp's ends.
      const bound = peak * omega * omega + (4 * peak) / RENDER_BLOCK_FRAMES;
      const largest = largestSecondDifference(signal, ANALYSIS_START, signal.length);
      margins.push(`channel ${c}: peak ${peak.toFixed(4)}, largest second difference ${largest.toExponential(3)}, bound ${bound.toExponential(3)} (${(bound / largest).toFixed(1)}x margin)`);
      expect(largest).toBeLessThan(bound);
    }
    console.log(`monitor switch: ${margins.join('; ')}`);
  });

  it('switches at the scheduled block, crossfades linearly over one block, then plays exactly the new format', () => {
    let format: StudioOutputId = 'binaural';
    let monoLaw: MonoLaw = '-3dB';
    const landed: number[] = [];
    for (const change of request.switches) {
      let at = change.block - 1;
      while (at <= change.block + MAX_SWITCH_LATENCY_BLOCKS && !blockDiffersFrom(format, monoLaw, at)) at++;
      landed.push(at - change.block);
      expect(at - change.block).toBeGreaterThanOrEqual(0);
      expect(at - change.block).toBeLessThanOrEqual(MAX_SWITCH_LATENCY_BLOCKS);
      // The crossfade block: w * new + (1 - w) * old with w = (i + 1) / 128.
      let largest = 0;
      for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
        const n = at * RENDER_BLOCK_FRAMES + i;
        const w = (i + 1) / RENDER_BLOCK_FRAMES;
        for (const c of [0, 1] as const) {
          const expected = w * monitorSample(change.format, change.monoLaw, c, n) + (1 - w) * monitorSample(format, monoLaw, c, n);
          largest = Math.max(largest, Math.abs(live[c]![n]! - expected));
        }
      }
      expect(largest).toBeLessThan(ORACLE_TOLERANCE);
      format = change.format;
      monoLaw = change.monoLaw;
      const next = request.switches[request.switches.indexOf(change) + 1]?.block ?? request.blocks;
      for (let block = at + 1; block < next; block++) expect(blockDiffersFrom(format, monoLaw, block)).toBe(false);
    }
    console.log(`monitor switch: landed ${landed.join(', ')} blocks after the scheduled blocks`);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
