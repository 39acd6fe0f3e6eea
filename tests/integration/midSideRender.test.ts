import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { loadSceneFile, loadStems } from '../../src/cli/loadScene';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { DEFAULT_MID_SIDE_SETTINGS } from '../../src/core/scene/midSideSettings';
import type { MidSideSettings } from '../../src/core/scene/midSideSettings';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import { serializeScene } from '../../src/core/scene/sceneWrite';
import { sourceParamsOf } from '../../src/core/scene/sourceParams';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { decodeWav, encodeWav } from '../../src/io/wav';
import type { HostMessage } from '../../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { createSceneRenderer, renderFrames, setMasterMidSide, updateSource } from '../../src/render/sceneRenderer';
import { gaussianNoise } from '../support/prng';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';
import type { StudioRender } from '../support/renderHelpers';

const RATE = 48000;
const ALL_FORMATS = ['binaural', 'stereo', 'mono'] as const;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** One source at the front (azimuth 0, 2 m), spread 60 degrees, with the given mid/side settings. */
function frontScene(midSide?: Partial<MidSideSettings>, master?: Partial<MidSideSettings>): Scene {
  const base = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 2 }], RATE);
  const source: SceneSource = { ...base.sources[0]!, ...(midSide === undefined ? {} : { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, ...midSide } }) };
  return {
    ...base,
    sources: [source],
    ...(master === undefined ? {} : { master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, ...master } } }),
  };
}

function render(scene: Scene, stems: Float32Array[][]): StudioRender {
  return renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(ALL_FORMATS), hrtf }));
}

function sine(frequencyHz: number, length: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / RATE));
}

function negated(signal: Float32Array): Float32Array {
  return signal.map((v) => -v);
}

function peak(signal: Float32Array): number {
  let p = 0;
  for (const v of signal) p = Math.max(p, Math.abs(v));
  return p;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

/** Energy of both channels in [from, to). */
function energy(pair: readonly [Float32Array, Float32Array], from: number, to: number): number {
  let sum = 0;
  for (const channel of pair) for (let i = from; i < to; i++) sum += channel[i]! ** 2;
  return sum;
}

function expectSameRender(a: StudioRender, b: StudioRender): void {
  expect(a.binaural![0]).toEqual(b.binaural![0]);
  expect(a.binaural![1]).toEqual(b.binaural![1]);
  expect(a.stereo![0]).toEqual(b.stereo![0]);
  expect(a.stereo![1]).toEqual(b.stereo![1]);
  expect(a.mono).toEqual(b.mono);
}

describe('per-source mid/side in the renderer', () => {
  const length = 12_000;
  const stereoStem = [gaussianNoise(length, 21), gaussianNoise(length, 22)];

  it('width 0 on a centred stereo stem gives a stereo fold-down with L = R (1e-6 relative)', () => {
    // Width 0 makes the stem's two channels identical ((L+R)/2 each); the two objects sit
    // at +30 and -30 degrees, mirror images, and BS.2127's gains for -a are those of +a
    // swapped, so each output channel receives the same sum. Without width 0 the
    // independent channels make L and R differ at full scale.
    const narrow = render(frontScene({ widthPercent: 0 }), [stereoStem]).stereo!;
    const scale = peak(narrow[0]);
    expect(scale).toBeGreaterThan(0.1);
    expect(maxDifference(narrow[0], narrow[1]) / scale).toBeLessThan(1e-6);

    const wide = render(frontScene(), [stereoStem]).stereo!;
    expect(maxDifference(wide[0], wide[1]) / peak(wide[0])).toBeGreaterThan(0.5);
  });

  it('width 100 and other neutral settings render bit for bit what a scene without mid/side renders', () => {
    const plain = render(frontScene(), [stereoStem]);
    expectSameRender(render(frontScene({ widthPercent: 100 }), [stereoStem]), plain);
    // Shelves at 0 dB are neutral whatever their frequency.
    expectSameRender(render(frontScene({ midLowShelfHz: 300, sideHighShelfHz: 5000, bassMonoCutoffHz: 200 }), [stereoStem]), plain);
  });

  it('bass mono at 120 Hz removes a side-only 40 Hz tone by at least 38 dB (LR4 theory: 38.3 dB), 30 Hz by 48 dB, and keeps 1 kHz (0.05 dB)', () => {
    // A fourth-order Linkwitz-Riley high-pass is two Butterworth sections: at f = fc/3 each
    // gives 1/sqrt(1 + 3^4), together 10 log10(82) = 19.14 dB x 2 = 38.3 dB.
    const n = RATE;
    // Steady state only: past the onset transient, before the tone stops.
    const from = RATE / 2;
    const to = n - RATE / 10;
    const dropDb = (frequencyHz: number): number => {
      const tone = sine(frequencyHz, n);
      const stem = [tone, negated(tone)]; // L = -R: side only
      const off = render(frontScene(), [stem]).stereo!;
      const on = render(frontScene({ bassMono: true, bassMonoCutoffHz: 120 }), [stem]).stereo!;
      return 10 * Math.log10(energy(off, from, to) / energy(on, from, to));
    };
    const at40 = dropDb(40);
    expect(at40).toBeGreaterThanOrEqual(38);
    expect(at40).toBeLessThan(38.7);
    // Further below, steeper: at fc/4, 20 log10(1 + 4^4) = 48.2 dB.
    expect(dropDb(30)).toBeGreaterThanOrEqual(48);
    expect(Math.abs(dropDb(1000))).toBeLessThan(0.05);
  });

  it('bass mono leaves a mid-only stereo stem (L = R) bit for bit as without it', () => {
    const mid = gaussianNoise(length, 23);
    const stem = [mid, mid.slice()];
    expectSameRender(render(frontScene({ bassMono: true, bassMonoCutoffHz: 300 }), [stem]), render(frontScene(), [stem]));
  });

  it('a mono stem has no side: width 0, side gain and bass mono change nothing (bit for bit); mid gain -6 dB scales it (1e-6)', () => {
    const stem = [gaussianNoise(length, 24)];
    const plain = render(frontScene(), [stem]);
    expectSameRender(render(frontScene({ widthPercent: 0, sideGainDb: 12, bassMono: true }), [stem]), plain);
    const quieter = render(frontScene({ midGainDb: -6 }), [stem]);
    const gain = 10 ** (-6 / 20);
    for (const [a, b] of [
      [quieter.stereo![0], plain.stereo![0]],
      [quieter.binaural![1], plain.binaural![1]],
    ] as const) {
      expect(maxDifference(a, b.map((v) => v * gain)) / peak(b)).toBeLessThan(1e-6);
    }
  });

  it('glides a change sent with updateSource: width 0 is reached after the 20 ms ramp, not at once', () => {
    const scene = frontScene();
    const renderer = createSceneRenderer(scene, [stereoStem], { outputs: studioTestOutputs(['stereo']) });
    const frames = 40 * RENDER_BLOCK_FRAMES;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    const head = 10 * RENDER_BLOCK_FRAMES;
    renderFrames(renderer, { outputs: [[left.subarray(0, head), right.subarray(0, head)]] }, head);
    updateSource(renderer, scene.sources[0]!.id, { ...sourceParamsOf(scene.sources[0]!), midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 } });
    renderFrames(renderer, { outputs: [[left.subarray(head), right.subarray(head)]] }, frames - head);
    const differenceIn = (from: number, to: number): number => maxDifference(left.subarray(from, to), right.subarray(from, to));
    const scale = peak(left);
    // Heard the renderer's latency after it is sent (the stereo bus is a loudspeaker bus).
    const heard = head + renderer.latencyFrames;
    // First block after the change: still clearly stereo (the side has glided by at most 128/960).
    expect(differenceIn(heard, heard + RENDER_BLOCK_FRAMES) / scale).toBeGreaterThan(0.1);
    // After the ramp (960 frames) and the position smoothing's block: mono.
    const settled = heard + 0.02 * RATE + RENDER_BLOCK_FRAMES;
    expect(differenceIn(settled, frames) / scale).toBeLessThan(1e-6);
  });
});

describe('master mid/side in the renderer', () => {
  const length = 12_000;
  const stems = [[gaussianNoise(length, 31), gaussianNoise(length, 32)]];
  const scene = (master?: Partial<MidSideSettings>): Scene => {
    const base = frontScene(undefined, master);
    // Off centre, so the stereo and binaural outputs are far from mono without the master.
    return { ...base, sources: [{ ...base.sources[0]!, position: { azimuthDeg: 50, elevationDeg: 10, distanceM: 2 } }] };
  };

  it('width 0 makes the stereo output and the binaural output mono (L = R exactly), and mono follows the stereo', () => {
    const wide = render(scene(), stems);
    expect(maxDifference(wide.stereo![0], wide.stereo![1]) / peak(wide.stereo![0])).toBeGreaterThan(0.3);
    expect(maxDifference(wide.binaural![0], wide.binaural![1]) / peak(wide.binaural![0])).toBeGreaterThan(0.3);

    const narrow = render(scene({ widthPercent: 0 }), stems);
    expect(peak(narrow.stereo![0])).toBeGreaterThan(0.05);
    expect(narrow.stereo![0]).toEqual(narrow.stereo![1]);
    expect(narrow.binaural![0]).toEqual(narrow.binaural![1]);
    // -3 dB law: mono = (L + R)/sqrt2 of the processed stereo (float32 rounding).
    const mono = narrow.mono![0];
    for (let i = 0; i < mono.length; i += 97) {
      expect(Math.abs(mono[i]! - (narrow.stereo![0][i]! + narrow.stereo![1][i]!) * Math.SQRT1_2)).toBeLessThan(1e-7);
    }
  });

  it('setMasterMidSide glides the master to width 0 while rendering', () => {
    const renderer = createSceneRenderer(scene(), stems, { outputs: studioTestOutputs(['stereo']) });
    const frames = 30 * RENDER_BLOCK_FRAMES;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    const head = 5 * RENDER_BLOCK_FRAMES;
    renderFrames(renderer, { outputs: [[left.subarray(0, head), right.subarray(0, head)]] }, head);
    setMasterMidSide(renderer, { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0 });
    renderFrames(renderer, { outputs: [[left.subarray(head), right.subarray(head)]] }, frames - head);
    const settled = head + 0.02 * RATE;
    expect(maxDifference(left.subarray(head, head + 64), right.subarray(head, head + 64))).toBeGreaterThan(0.01);
    expect(left.subarray(settled)).toEqual(right.subarray(settled));
  });
});

describe('the realtime host (the worklet) applies mid/side messages', () => {
  it("renders what the renderer renders after setMasterMidSide and updateSource when sent 'master' and 'source' messages (bit for bit)", () => {
    const stems = [[gaussianNoise(6000, 51), gaussianNoise(6000, 52)]];
    const scene = frontScene();
    const master = { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 30, midHighShelfGainDb: 3 };
    const midSide = { ...DEFAULT_MID_SIDE_SETTINGS, sideGainDb: -6, bassMono: true };
    const host = createRealtimeHost(RATE);
    const load: HostMessage = { type: 'load', scene, stems, grid: hrtf, meters: null, outputs: studioTestOutputs(ALL_FORMATS), wire: 'export', startPlaying: true };
    handleHostMessage(host, load);
    handleHostMessage(host, { type: 'master', midSide: master });
    handleHostMessage(host, { type: 'source', sourceId: scene.sources[0]!.id, params: { ...sourceParamsOf(scene.sources[0]!), midSide } });
    const renderer = createSceneRenderer(scene, stems, { outputs: studioTestOutputs(ALL_FORMATS), hrtf });
    setMasterMidSide(renderer, master);
    updateSource(renderer, scene.sources[0]!.id, { ...sourceParamsOf(scene.sources[0]!), midSide });
    const expected = renderById(renderer);
    const length = expected.mono![0].length;
    const out = Array.from({ length: 5 }, () => new Float32Array(Math.ceil(length / RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES));
    const block = Array.from({ length: 5 }, () => new Float32Array(RENDER_BLOCK_FRAMES));
    for (let at = 0; at < length; at += RENDER_BLOCK_FRAMES) {
      processHost(host, block);
      block.forEach((channel, c) => out[c]!.set(channel, at));
    }
    expect(out[0]!.subarray(0, length)).toEqual(expected.binaural![0]);
    expect(out[3]!.subarray(0, length)).toEqual(expected.stereo![1]);
    expect(out[4]!.subarray(0, length)).toEqual(expected.mono![0]);
    expect(maxDifference(out[4]!.subarray(0, length), render(scene, stems).mono![0])).toBeGreaterThan(0.01);
  });
});

describe('npm run render applies the scene\'s mid/side settings', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'midside-render-'));
    const stem = [gaussianNoise(9000, 41), gaussianNoise(9000, 42)].map((c) => c.map((v) => v * 0.2));
    await writeFile(path.join(dir, 'pair.wav'), encodeWav({ sampleRateHz: RATE, channels: stem }, { sampleFormat: 'float32' }));
    const base = frontScene();
    const plain: Scene = { ...base, sources: [{ ...base.sources[0]!, stem: { kind: 'file', file: 'pair.wav' } }] };
    const processed: Scene = {
      ...plain,
      sources: [{ ...plain.sources[0]!, midSide: { ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 40, sideHighShelfGainDb: 6, bassMono: true } }],
      master: { midSide: { ...DEFAULT_MID_SIDE_SETTINGS, midGainDb: -2, widthPercent: 150 } },
    };
    await writeFile(path.join(dir, 'plain.json'), serializeScene(plain));
    await writeFile(path.join(dir, 'processed.json'), serializeScene(processed));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function renderFile(name: string): Promise<Float32Array[]> {
    const args = parseRenderArgs([path.join(dir, name), '--out', dir, '--format', 'stereo,mono', '--bits', '32f']);
    if (args === 'help') throw new Error('unexpected help');
    const written = await runRender(args, () => {});
    const channels: Float32Array[] = [];
    for (const file of written) channels.push(...decodeWav(new Uint8Array(await readFile(file.file)), file.file).channels);
    return channels;
  }

  it('renders differently with the midSide fields, and exactly what the renderer renders from the same file', async () => {
    const [plainL, plainR, plainMono] = await renderFile('plain.json');
    const [left, right, mono] = await renderFile('processed.json');
    expect(maxDifference(left!, plainL!) / peak(plainL!)).toBeGreaterThan(0.1);
    expect(maxDifference(right!, plainR!) / peak(plainR!)).toBeGreaterThan(0.1);
    expect(maxDifference(mono!, plainMono!) / peak(plainMono!)).toBeGreaterThan(0.1);

    const scenePath = path.join(dir, 'processed.json');
    const { scene } = await loadSceneFile(scenePath);
    expect(scene.sources[0]!.midSide?.widthPercent).toBe(40);
    expect(scene.master?.midSide?.widthPercent).toBe(150);
    const direct = renderById(createSceneRenderer(scene, await loadStems(scene, scenePath), { outputs: studioTestOutputs(['stereo', 'mono']) }));
    expect(left).toEqual(direct.stereo![0]);
    expect(right).toEqual(direct.stereo![1]);
    expect(mono).toEqual(direct.mono![0]);
  });
});
