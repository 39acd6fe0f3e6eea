import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from '../../src/cli/analyze/analyzeArgs';
import { analyzeSceneFile } from '../../src/cli/analyze/analyzeSceneFile';
import { getLoudnessTarget } from '../../src/core/loudnessTargets';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import { loadStems } from '../../src/cli/loadScene';
import { parseSceneValue } from '../../src/core/scene/sceneParse';
import type { Scene, SceneBed } from '../../src/core/scene/scene';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { createSceneRenderer, setMonitorHead } from '../../src/render/sceneRenderer';
import { DEFAULT_DOWNMIX_LEVELS } from '../../src/core/outputs/downmixOutputs';
import { outputById } from '../../src/core/outputs/outputCatalog';
import { getLayout } from '../../src/core/layouts';
import type { LayoutName } from '../../src/core/layouts';
import { loudspeakerOutput } from '../../src/core/outputs/studioOutputs';
import { directSpeakersMatrix } from '../../src/dsp/panners/directSpeakers/directSpeakersGains';
import { createLayoutPanner } from '../../src/render/buses/layoutPanners';
import { renderWholeScene } from '../../src/render/offlineRender';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

/**
 * Beds in the renderer (render/beds/bedChannels.ts): a loudspeaker output takes each
 * channel as BS.2127 renders DirectSpeakers (dsp/panners/directSpeakers, held to the EBU
 * ADM Renderer's gains within 1e-9 in its own tests), the binaural output hears it from
 * its loudspeaker's nominal position, 1 m away, and drops the LFE. With a stem of ones in
 * one channel the stereo output is BS.2127's 0+5+0-to-0+2+0 gains: (1, 0) for M+030,
 * (0, sqrt 1/2) for M-110, nothing for the LFE (rounding tolerance 1e-6).
 */
const RATE = 48000;
const FRAMES = RATE / 2;
const LABELS = ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'];
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

const bed: SceneBed = { id: 'bed', name: 'Bed', stem: { kind: 'generator', generator: 'test' }, layout: '0+5+0', channels: LABELS, gainDb: 0, mute: false, solo: false };
const bedScene = (): Scene => ({ ...testScene([]), beds: [bed] });

/** A 5.1 stem with ones in channel `label` only. */
function stemWithOnesIn(label: string): Float32Array[] {
  return LABELS.map((l) => new Float32Array(FRAMES).fill(l === label ? 1 : 0));
}

describe('beds in the renderer (DirectSpeakers on loudspeakers, their loudspeakers\' positions on headphones)', () => {
  it.each([
    ['M+030', 1, 0],
    ['M-110', 0, Math.SQRT1_2],
    ['LFE1', 0, 0],
  ])('a signal in %s comes out of the stereo fold-down with gains (%f, %f)', (label, left, right) => {
    const [l, r] = renderById(createSceneRenderer(bedScene(), [stemWithOnesIn(label)], { outputs: studioTestOutputs(['stereo']) })).stereo!;
    expect(Math.abs(l[FRAMES / 2]! - left)).toBeLessThan(1e-6);
    expect(Math.abs(r[FRAMES / 2]! - right)).toBeLessThan(1e-6);
  });

  it('a bed channel is heard binaurally as an object at its loudspeaker\'s position (the same samples)', () => {
    const fromBed = renderById(createSceneRenderer(bedScene(), [stemWithOnesIn('M+110')], { outputs: studioTestOutputs(['binaural']), hrtf })).binaural!;
    const object = testScene([{ azimuthDeg: 110, elevationDeg: 0, distanceM: 1 }]);
    const fromObject = renderById(createSceneRenderer(object, [[new Float32Array(FRAMES).fill(1)]], { outputs: studioTestOutputs(['binaural']), hrtf })).binaural!;
    expect(fromBed[0]).toEqual(fromObject[0]);
    expect(fromBed[1]).toEqual(fromObject[1]);
  });

  it('refuses a bed stem whose channel count is not the bed\'s, naming the bed', () => {
    expect(() => createSceneRenderer(bedScene(), [stemWithOnesIn('M+030').slice(0, 5)], { outputs: studioTestOutputs(['stereo']) })).toThrow(
      'bed "Bed" (bed): routes 6 channels but its stem has 5',
    );
  });

  it('the command line loads a bed\'s stem after the objects\' and checks its channel count', async () => {
    const json = {
      format: 'spatial-mix-studio/scene',
      version: 2,
      sampleRateHz: RATE,
      listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
      objects: [],
      beds: [
        { id: 'pair', name: 'Pair bed', stem: { generator: 'pad' }, layout: '0+2+0', channels: ['M+030', 'M-030'], gainDb: 0, mute: false, solo: false },
        { id: 'wide', name: 'Wide bed', stem: { generator: 'pad' }, layout: '0+5+0', channels: LABELS, gainDb: 0, mute: false, solo: false },
      ],
    };
    const { scene } = parseSceneValue(json, 'beds.json');
    await expect(loadStems(scene, 'beds.json')).rejects.toThrow(
      'beds.json: beds[1].stem.generator: expected a stem of 6 channels (one per bed channel label), got "pad" of 2',
    );
    const stems = await loadStems({ ...scene, beds: [scene.beds![0]!] }, 'beds.json');
    expect(stems.map((channels) => channels.length)).toEqual([2]);
  });
});

describe('npm run analyze of a scene with a bed', () => {
  it('measures the renders with the bed and analyses the bed as a contributor beside the object, instead of refusing the stems', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'studio-bed-analyze-'));
    try {
      const file = path.join(folder, 'bed.json');
      const scene = {
        format: 'spatial-mix-studio/scene',
        version: 2,
        sampleRateHz: RATE,
        listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
        objects: [{ id: 'lead', name: 'Lead', stem: { generator: 'lead' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 20, elevationDeg: 0, distanceM: 2 } }],
        beds: [{ id: 'pair', name: 'Pair bed', stem: { generator: 'pad' }, layout: '0+2+0', channels: ['M+030', 'M-030'], gainDb: 0, mute: false, solo: false }],
      };
      await writeFile(file, JSON.stringify(scene));
      const args = parseAnalyzeArgs([file]);
      if (args === 'help') throw new Error('unexpected --help');
      const measured = await analyzeSceneFile(args, getLoudnessTarget('streaming'));
      expect(measured.input.sourceCount).toBe(1);
      expect(measured.notes).toEqual([]);
      expect(measured.loudness.map((l) => l.programme)).toEqual(['binaural', 'stereo', 'mono']);
      expect(measured.monoAnalysis.sources.map((s) => [s.sourceName, s.sourceKind])).toEqual([
        ['Lead', undefined],
        ['Pair bed', 'bed'],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a bed on loudspeaker layouts (BS.2127 DirectSpeakers)', () => {
  /** The output layout's channels at mid-render for a bed of `layout` with ones in `label`'s channel only. */
  function bedGainsOn(layout: LayoutName, label: string, output: LayoutName, yawDeg = 0): number[] {
    const labels = getLayout(layout).channels.map((c) => c.label);
    const scene: Scene = {
      ...testScene([]),
      listener: { yawDeg, pitchDeg: 0, rollDeg: 0 },
      beds: [{ id: 'bed', name: 'Bed', stem: { kind: 'generator', generator: 'test' }, layout, channels: labels, gainDb: 0, mute: false, solo: false }],
    };
    const stem = labels.map((l) => new Float32Array(FRAMES).fill(l === label ? 1 : 0));
    const outputs = [loudspeakerOutput('layout', output, output)];
    const [rendered] = renderWholeScene(createSceneRenderer(scene, [stem], { outputs }));
    return rendered!.channels.map((channel) => channel[FRAMES / 2]!);
  }

  it('feeds a 5.1 bed on 5.1 channel for channel, the LFE to LFE1 (gain 1, the others 0, within 1e-6)', () => {
    const labels = getLayout('0+5+0').channels.map((c) => c.label);
    for (const [i, label] of labels.entries()) {
      const gains = bedGainsOn('0+5+0', label, '0+5+0');
      gains.forEach((gain, o) => expect(Math.abs(gain - (o === i ? 1 : 0))).toBeLessThan(1e-6));
    }
  });

  it.each<[LayoutName, LayoutName]>([
    ['2+7+0', '4+7+0'],
    ['2+7+0', '0+5+0'],
    ['4+7+0', '0+5+0'],
    ['0+5+0', '4+5+0'],
  ])('renders every channel of a %s bed on %s with DirectSpeakers gains (directSpeakersMatrix, within 1e-6)', (bedLayout, outputLayout) => {
    const output = getLayout(outputLayout);
    const matrix = directSpeakersMatrix(getLayout(bedLayout), output, createLayoutPanner(output));
    getLayout(bedLayout).channels.forEach((channel, i) => {
      const gains = bedGainsOn(bedLayout, channel.label, outputLayout);
      gains.forEach((gain, o) => expect(Math.abs(gain - matrix[o]![i]!)).toBeLessThan(1e-6));
    });
  });

  it('keeps a bed on its loudspeakers when the scene is rotated (a bed is the room: M+110 of a 5.1 bed stays in M+110 with the scene turned 90 degrees, within 1e-6)', () => {
    const gains = bedGainsOn('0+5+0', 'M+110', '0+5+0', 90);
    const index = getLayout('0+5+0').channels.findIndex((c) => c.label === 'M+110');
    gains.forEach((gain, o) => expect(Math.abs(gain - (o === index ? 1 : 0))).toBeLessThan(1e-6));
  });

  it('the scene rotation does not turn a bed on headphones either (a bed is the room\'s loudspeakers on every output): a 5.1 bed\'s binaural render is the same samples with the scene turned 90 degrees', () => {
    const front = renderById(createSceneRenderer(bedScene(), [stemWithOnesIn('M+110')], { outputs: studioTestOutputs(['binaural']), hrtf })).binaural!;
    const turned = { ...bedScene(), listener: { yawDeg: -90, pitchDeg: 0, rollDeg: 0 } };
    const fromTurned = renderById(createSceneRenderer(turned, [stemWithOnesIn('M+110')], { outputs: studioTestOutputs(['binaural']), hrtf })).binaural!;
    expect(fromTurned[0]).toEqual(front[0]);
    expect(fromTurned[1]).toEqual(front[1]);
  });

  it.each(['binaural', 'binaural-7.1.4', '7.1.4'])('the monitor head keeps a bed in the room on %s, as it keeps an object there: M+000 with the head turned 30 degrees to the left renders as an object straight ahead does (within 1e-6 of the peak)', (id) => {
    const output = outputById(id, { monoLaw: '-3dB', hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS });
    const outputs = output.kind === 'layoutBinaural' ? [output.from, output] : [output];
    const head = { yawDeg: 30, pitchDeg: 0, rollDeg: 0 };
    const bedRenderer = createSceneRenderer(bedScene(), [stemWithOnesIn('M+000')], { outputs, hrtf });
    const objectRenderer = createSceneRenderer(testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }]), [[new Float32Array(FRAMES).fill(1)]], { outputs, hrtf });
    setMonitorHead(bedRenderer, head);
    setMonitorHead(objectRenderer, head);
    const fromBed = renderWholeScene(bedRenderer).at(-1)!.channels;
    const fromObject = renderWholeScene(objectRenderer).at(-1)!.channels;
    let peak = 0;
    let worst = 0;
    fromObject.forEach((channel, c) => channel.forEach((v, i) => {
      peak = Math.max(peak, Math.abs(v));
      worst = Math.max(worst, Math.abs(v - fromBed[c]![i]!));
    }));
    expect(peak).toBeGreaterThan(0.1);
    expect(worst / peak).toBeLessThan(1e-6);
  });

  it('drops a bed\'s LFE on headphones: LFE1 alone renders binaural silence', () => {
    const [l, r] = renderById(createSceneRenderer(bedScene(), [stemWithOnesIn('LFE1')], { outputs: studioTestOutputs(['binaural']), hrtf })).binaural!;
    expect(Math.max(...l.map(Math.abs), ...r.map(Math.abs))).toBe(0);
  });
});
