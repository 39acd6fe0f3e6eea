import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../src/core/layouts';
import type { LayoutName } from '../../src/core/layouts';
import { loudspeakerOutput } from '../../src/core/outputs/studioOutputs';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import { designDecorrelationFilters, DECORRELATION_DELAY_SAMPLES } from '../../src/dsp/filters/decorrelationFilters';
import { createLayoutObjectGains } from '../../src/dsp/panners/objectGains/layoutObjectGains';
import { computeObjectGains, createObjectGains } from '../../src/dsp/panners/objectGains/objectGainCalculator';
import { DEFAULT_OBJECT_BLOCK } from '../../src/dsp/panners/objectGains/objectBlock';
import { createLayoutPanner } from '../../src/render/buses/layoutPanners';
import { createSceneRenderer, renderFrames, seekRenderer } from '../../src/render/sceneRenderer';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { testScene } from '../support/renderHelpers';

/**
 * Objects rendered to loudspeakers by the scene renderer, held to the EBU ADM Renderer's
 * gains (tests/fixtures/ear/objectRender: extent, diffuseness, divergence, channel lock,
 * zone exclusion, Cartesian positions on 0+5+0, 4+5+0, 4+7+0 and 9+10+3).
 *
 * An impulse is rendered; each channel's output is fitted, by least squares, as
 * g e + d f: e the impulse where it was (the direct path, its delay compensated), f the
 * channel's decorrelation filter centred on it (the diffuse path). The fit's residual
 * shows the output is exactly that; g and d are the rendered direct and diffuse gains,
 * and the diffuse part's energy (all but the direct impulse) is d^2 (unit-energy filters).
 */

interface FixtureCase {
  readonly name: string;
  readonly object: Partial<SceneSource> & { readonly position?: { azimuthDeg: number; elevationDeg: number } };
  readonly direct: readonly number[];
  readonly diffuse: readonly number[];
}
interface Fixture {
  readonly layouts: Record<string, { readonly labels: readonly string[]; readonly cases: readonly FixtureCase[] }>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/ear/objectRender/objectRenderGains.json', import.meta.url), 'utf8')) as Fixture;

const RATE = 48000;
const IMPULSE_FRAME = 1000;
const FRAMES = 2048;
/** The issue asks 0.02; the fixture is rounded to 1e-7 and the render is float32. Measured: at most 7.2e-8 (residual 1.6e-8). */
const GAIN_TOLERANCE = 1e-6;
const RESIDUAL_TOLERANCE = 1e-6;

function sceneWith(object: Partial<SceneSource>, listenerYawDeg = 0): Scene {
  const base = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }], RATE);
  const position = object.position === undefined ? { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } : { ...object.position, distanceM: 1 };
  const source: SceneSource = { ...base.sources[0]!, ...object, position, spreadDeg: 0 };
  return { ...base, listener: { yawDeg: listenerYawDeg, pitchDeg: 0, rollDeg: 0 }, sources: [source] };
}

function renderLayout(scene: Scene, layout: LayoutName, stem: Float32Array): Float32Array[] {
  const output = loudspeakerOutput(layout, layout, layout);
  const renderer = createSceneRenderer(scene, [[stem]], { outputs: [output] });
  const channels = output.channels.map(() => new Float32Array(stem.length));
  renderFrames(renderer, { outputs: [channels] }, stem.length);
  return channels;
}

function impulse(): Float32Array {
  const stem = new Float32Array(FRAMES);
  stem[IMPULSE_FRAME] = 1;
  return stem;
}

/** Least-squares g, d of y = g e + d f (e the impulse, f the filter centred on it), the residual's norm, and the energy besides the impulse. */
function fitDirectAndDiffuse(y: Float32Array, filter: Float32Array): { direct: number; diffuse: number; residual: number; diffuseEnergy: number } {
  const f = new Float64Array(y.length);
  for (let k = 0; k < filter.length; k++) f[IMPULSE_FRAME - DECORRELATION_DELAY_SAMPLES + k] = filter[k]!;
  let ff = 0;
  let fy = 0;
  for (let n = 0; n < y.length; n++) {
    ff += f[n]! * f[n]!;
    fy += f[n]! * y[n]!;
  }
  const ef = f[IMPULSE_FRAME]!;
  const ey = y[IMPULSE_FRAME]!;
  const det = ff - ef * ef;
  const direct = (ff * ey - ef * fy) / det;
  const diffuse = (fy - ef * ey) / det;
  let residual = 0;
  let diffuseEnergy = 0;
  for (let n = 0; n < y.length; n++) {
    const model = (n === IMPULSE_FRAME ? direct : 0) + diffuse * f[n]!;
    residual += (y[n]! - model) ** 2;
    const diffusePart = n === IMPULSE_FRAME ? y[n]! - direct : y[n]!;
    diffuseEnergy += diffusePart ** 2;
  }
  return { direct, diffuse, residual: Math.sqrt(residual), diffuseEnergy };
}

const CASES = Object.entries(fixture.layouts).flatMap(([layout, { labels, cases }]) =>
  cases.map((c) => ({ layout: layout as LayoutName, labels, ...c })),
);

describe('objects rendered to loudspeakers with BS.2127 gains (EAR oracle)', () => {
  it.each(CASES.map((c) => [`${c.layout} ${c.name}`, c] as const))('%s: direct and diffuse gains per channel within 1e-6', (_, c) => {
    const channels = renderLayout(sceneWith(c.object), c.layout, impulse());
    const filters = designDecorrelationFilters(c.labels);
    let energy = 0;
    channels.forEach((y, ch) => {
      const fit = fitDirectAndDiffuse(y, filters[ch]!);
      expect(fit.residual, `channel ${c.labels[ch]}: residual`).toBeLessThan(RESIDUAL_TOLERANCE);
      expect(Math.abs(fit.direct - c.direct[ch]!), `channel ${c.labels[ch]}: direct ${fit.direct} vs EAR ${c.direct[ch]}`).toBeLessThan(GAIN_TOLERANCE);
      expect(Math.abs(fit.diffuse - c.diffuse[ch]!), `channel ${c.labels[ch]}: diffuse ${fit.diffuse} vs EAR ${c.diffuse[ch]}`).toBeLessThan(GAIN_TOLERANCE);
      // Decorrelated: compared by energy, the filter's energy being 1 (0.1 % for the filters' float32 taps).
      expect(Math.abs(fit.diffuseEnergy - c.diffuse[ch]! ** 2)).toBeLessThan(1e-3 * Math.max(c.diffuse[ch]! ** 2, 1e-6) + 1e-9);
      energy += fit.diffuseEnergy;
    });
    const diffuseShare = c.object.diffuse ?? 0;
    // Every case has some loudspeaker gain, and the diffuse one only where it was asked.
    expect(c.direct.some((g) => g > 0.1)).toBe(true);
    if (diffuseShare === 0) expect(energy).toBeLessThan(1e-20);
    else expect(energy).toBeGreaterThan(0.01);
  });

  it('turns a Cartesian object with the scene: a scene turned 80 degrees left takes (-1, 1, 0) (M+030) to M+110 on 0+5+0, exactly', () => {
    // The listener faces 80 degrees right, so the scene is heard turned 80 degrees left.
    const channels = renderLayout(sceneWith({ cartesianPosition: { X: -1, Y: 1, Z: 0 } }, -80), '0+5+0', impulse());
    const labels = getLayout('0+5+0').channels.map((channel) => channel.label);
    channels.forEach((y, ch) => expect(Math.abs(y[IMPULSE_FRAME]! - (labels[ch] === 'M+110' ? 1 : 0)), labels[ch]).toBeLessThan(1e-6));
  });

  it('renders a static point source as the point-source panner does, with no delay (float32 rounding)', () => {
    const direction = { azimuthDeg: 143, elevationDeg: 17 };
    for (const layout of ['0+2+0', '4+7+0', '9+10+3'] as const) {
      const channels = renderLayout(sceneWith({ position: { ...direction, distanceM: 1 } }), layout, impulse());
      const expected = new Float64Array(channels.length);
      const az = (direction.azimuthDeg * Math.PI) / 180;
      const el = (direction.elevationDeg * Math.PI) / 180;
      createLayoutPanner(getLayout(layout)).gains(-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el), expected);
      channels.forEach((y, ch) => {
        expect(Math.abs(y[IMPULSE_FRAME]! - expected[ch]!)).toBeLessThan(1e-7);
        let elsewhere = 0;
        for (let n = 0; n < y.length; n++) if (n !== IMPULSE_FRAME) elsewhere = Math.max(elsewhere, Math.abs(y[n]!));
        expect(elsewhere).toBe(0);
      });
    }
  });
});

describe('a seek with diffuse objects', () => {
  it('starts afresh: rendering part, seeking and rendering gives the render of a renderer seeked there first (bit for bit)', () => {
    const scene = sceneWith({ position: { azimuthDeg: 40, elevationDeg: 0, distanceM: 1 }, width: 45, diffuse: 0.6 });
    const stem = Float32Array.from({ length: 6000 }, (_, n) => Math.sin(n / 7) + 0.3 * Math.sin(n / 2.3));
    const output = loudspeakerOutput('4+7+0', '4+7+0', '4+7+0');
    const render = (renderer: ReturnType<typeof createSceneRenderer>, frames: number): Float32Array[] => {
      const channels = output.channels.map(() => new Float32Array(frames));
      renderFrames(renderer, { outputs: [channels] }, frames);
      return channels;
    };
    const fresh = createSceneRenderer(scene, [[stem]], { outputs: [output] });
    seekRenderer(fresh, 1000);
    const expected = render(fresh, 3000);
    const seeked = createSceneRenderer(scene, [[stem]], { outputs: [output] });
    render(seeked, 2500);
    seekRenderer(seeked, 1000);
    const after = render(seeked, 3000);
    expect(after).toEqual(expected);
    // The diffuse path rang before the seek: had it not been silenced, the first frames would differ.
    expect(expected.some((channel) => channel.some((v) => v !== 0))).toBe(true);
  });
});

describe('an extent changing over a timeline', () => {
  const layout: LayoutName = '4+7+0';
  const position = { azimuthDeg: 50, elevationDeg: 10, distanceM: 1 };
  // width 0, then 120 reached over 40 ms, held, then a jump to 30 at 80 ms (frame 3840, a block's start)
  const timeline = [
    { rtimeSec: 0, durationSec: 0.02, position, width: 0 },
    { rtimeSec: 0.02, durationSec: 0.04, position, width: 120 },
    { rtimeSec: 0.08, durationSec: 0.02, position, width: 30, jumpPosition: { flag: true, interpolationLengthSec: 0 } },
  ];
  const frames = 6000;
  const channels = renderLayout(sceneWith({ position, timeline }), layout, new Float32Array(frames).fill(1));
  const calculator = createLayoutObjectGains(getLayout(layout));
  const gainsAtWidth = (width: number): Float64Array => {
    const out = createObjectGains(calculator);
    computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, position: { azimuth: position.azimuthDeg, elevation: position.elevationDeg, distance: 1 }, width }, out);
    return out.direct;
  };

  it('is heard at the gain calculator\'s gains for each block\'s width where it holds (float32 rounding, 1e-6)', () => {
    const checks: [number, number][] = [[500, 0], [3000, 120], [5000, 30]];
    for (const [frame, width] of checks) {
      const expected = gainsAtWidth(width);
      channels.forEach((y, ch) => expect(Math.abs(y[frame]! - expected[ch]!), `frame ${frame}, channel ${ch}`).toBeLessThan(1e-6));
    }
    // The widths differ audibly, so the checks above could fail.
    const change = gainsAtWidth(120).reduce((largest, g, ch) => Math.max(largest, Math.abs(g - gainsAtWidth(30)[ch]!)), 0);
    expect(change).toBeGreaterThan(0.1);
  });

  it('ramps without steps: no sample-to-sample change beyond a block\'s gain change spread over its 128 frames', () => {
    const before = gainsAtWidth(120);
    const after = gainsAtWidth(30);
    // The jump, across block 30 (frames 3840-3967): linear from the held gains to the new ones.
    channels.forEach((y, ch) => {
      const step = (after[ch]! - before[ch]!) / RENDER_BLOCK_FRAMES;
      for (const i of [0, 63, 127]) expect(Math.abs(y[3840 + i]! - (before[ch]! + step * (i + 1))), `channel ${ch}, frame ${3840 + i}`).toBeLessThan(1e-6);
    });
    let largestStep = 0;
    let largestBlockChange = 0;
    for (const y of channels) {
      for (let n = 1; n < frames; n++) largestStep = Math.max(largestStep, Math.abs(y[n]! - y[n - 1]!));
      for (let n = 2 * RENDER_BLOCK_FRAMES; n <= frames; n += RENDER_BLOCK_FRAMES) largestBlockChange = Math.max(largestBlockChange, Math.abs(y[n - 1]! - y[n - 1 - RENDER_BLOCK_FRAMES]!));
    }
    expect(largestStep).toBeLessThanOrEqual(largestBlockChange / RENDER_BLOCK_FRAMES + 1e-6);
    expect(largestBlockChange).toBeGreaterThan(0.1);
  });
});
