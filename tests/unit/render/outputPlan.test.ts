import { describe, expect, it } from 'vitest';
import type { DownmixOutput } from '../../../src/core/outputs/outputDefinition';
import { DEFAULT_DOWNMIX_LEVELS } from '../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../src/core/outputs/outputCatalog';
import { stereoOutput } from '../../../src/core/outputs/studioOutputs';
import { applyDownmix } from '../../../src/render/downmix/downmix';
import { planOutputs } from '../../../src/render/outputPlan';
import { createSceneRenderer } from '../../../src/render/sceneRenderer';
import { gaussianNoise } from '../../support/prng';
import { renderById, studioTestOutputs, testScene } from '../../support/renderHelpers';

describe('planning a render from its outputs', () => {
  it('runs one bus per bus output, adds the hidden source of a downmix asked for alone, and downmixes after it', () => {
    const plan = planOutputs(studioTestOutputs(['mono', 'binaural']));
    expect(plan.buses.map((b) => b.id)).toEqual(['stereo', 'binaural']);
    expect(plan.derived.map((d) => [d.output.id, d.from])).toEqual([['mono', 0]]);
    // mono is read from the first downmix (after the two buses), binaural from bus 1.
    expect(plan.stageOf).toEqual([2, 1]);
  });

  it('plans a chain of downmixes each after its source (7.1.4 -> 5.1 -> Lo/Ro -> mono) and a layout heard binaurally after its bus', () => {
    const settings = { monoLaw: '-3dB' as const, hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
    const plan = planOutputs([outputById('7.1.4-to-mono', settings), outputById('binaural-7.1.4', settings), outputById('7.1.4-to-loro', settings)]);
    expect(plan.buses.map((b) => b.id)).toEqual(['7.1.4']);
    expect(plan.derived.map((d) => [d.output.id, d.from])).toEqual([
      ['7.1.4-to-5.1', 0],
      ['7.1.4-to-loro', 1],
      ['7.1.4-to-mono', 2],
      ['binaural-7.1.4', 0],
    ]);
    expect(plan.stageOf).toEqual([3, 4, 2]);
  });

  it('refuses two outputs of one id and a downmix whose matrix does not fit its source, naming the output', () => {
    expect(() => planOutputs([stereoOutput(), stereoOutput()])).toThrow(/two outputs are called "stereo"/);
    const bad: DownmixOutput = { ...(studioTestOutputs(['mono'])[0] as DownmixOutput), id: 'odd', matrix: [[1, 1, 1]] };
    expect(() => planOutputs([bad])).toThrow(/downmix "odd": row 0 has 3 gains, expected one per source channel \(2\)/);
  });

  it('renders mono asked for alone exactly as the mono downmix of stereo rendered beside it (bit for bit)', () => {
    const scene = testScene([
      { azimuthDeg: 70, elevationDeg: 10, distanceM: 2 },
      { azimuthDeg: -20, elevationDeg: 0, distanceM: 1 },
    ]);
    const stems = [[gaussianNoise(9600, 1)], [gaussianNoise(9600, 2), gaussianNoise(9600, 3)]];
    const alone = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['mono']) }));
    const beside = renderById(createSceneRenderer(scene, stems, { outputs: studioTestOutputs(['stereo', 'mono']) }));
    expect(alone.mono![0]).toEqual(beside.mono![0]);
  });
});

describe('applyDownmix', () => {
  it('computes out_c = sum_k m[c][k] in_k for a general matrix (float32 rounding, 1e-6)', () => {
    const input = [gaussianNoise(256, 4), gaussianNoise(256, 5), gaussianNoise(256, 6)];
    const matrix = [
      [1, 0, Math.SQRT1_2],
      [0, 1, Math.SQRT1_2],
    ];
    const output = [new Float32Array(256), new Float32Array(256)];
    applyDownmix(matrix, input, output, 256);
    for (let c = 0; c < 2; c++) {
      for (let i = 0; i < 256; i++) {
        const expected = matrix[c]!.reduce((sum, gain, k) => sum + gain * input[k]![i]!, 0);
        expect(Math.abs(output[c]![i]! - expected)).toBeLessThan(1e-6);
      }
    }
  });
});
