import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS, DOWNMIX_LEVELS_DB, foldTo51, loRoDownmix, ltRtDownmix } from '../../../../src/core/outputs/downmixOutputs';
import type { DownmixOutput, OutputDefinition } from '../../../../src/core/outputs/outputDefinition';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import type { OutputCatalogSettings } from '../../../../src/core/outputs/outputCatalog';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';

/** The published figures are given to three decimals (A/52 0.707; E-AC-3's level tables 1.414 ... 0.500). */
const PUBLISHED = 1e-3;
const SETTINGS: OutputCatalogSettings = { monoLaw: '-3dB', hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };

/** The gain of `from`'s channel labelled `input` in `output`'s channel labelled `into`. */
function gain(output: DownmixOutput, into: string, input: string): number {
  const c = output.channels.findIndex((channel) => channel.label === into);
  const k = output.from.channels.findIndex((channel) => channel.label === input);
  return output.matrix[c]![k]!;
}

function asDownmix(output: OutputDefinition): DownmixOutput {
  if (output.kind !== 'downmix') throw new Error(`${output.id} is not a downmix`);
  return output;
}

describe('the 7.1.4 -> 5.1 fold', () => {
  const fold = foldTo51(loudspeakerOutput('7.1.4', '7.1.4', '4+7+0'), '7.1.4-to-5.1');

  it('sums the side and back pairs into the surrounds at 0 dB (IAMF S7to5, dmixp_mode 0: alpha = beta = 1)', () => {
    expect(gain(fold, 'M+110', 'M+090')).toBe(1);
    expect(gain(fold, 'M+110', 'M+135')).toBe(1);
    expect(gain(fold, 'M-110', 'M-090')).toBe(1);
    expect(gain(fold, 'M-110', 'M-135')).toBe(1);
    expect(gain(fold, 'M+110', 'M-135')).toBe(0);
  });

  it('folds the front tops into L/R and the back tops into Ls/Rs at -3 dB (0.707), and keeps L, R, C and the LFE', () => {
    expect(gain(fold, 'M+030', 'U+045')).toBeCloseTo(0.707, 3);
    expect(gain(fold, 'M-030', 'U-045')).toBeCloseTo(0.707, 3);
    expect(gain(fold, 'M+110', 'U+135')).toBeCloseTo(0.707, 3);
    expect(gain(fold, 'M-110', 'U-135')).toBeCloseTo(0.707, 3);
    for (const label of ['M+030', 'M-030', 'M+000', 'LFE1']) expect(gain(fold, label, label)).toBe(1);
    // Every input lands in exactly one channel.
    for (let k = 0; k < fold.from.channels.length; k++) expect(fold.matrix.filter((row) => row[k] !== 0)).toHaveLength(1);
    expect(fold.channels.map((c) => c.label)).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110']);
    expect(fold.channelMask).toBe(0x60f);
  });
});

describe('Lo/Ro (ATSC A/52 section 7.8.2)', () => {
  const fiveOne = loudspeakerOutput('5.1', '5.1', '0+5+0');

  it('is Lo = L + 0.707 C + 0.707 Ls, Ro = R + 0.707 C + 0.707 Rs by default, the LFE dropped', () => {
    const loRo = loRoDownmix(fiveOne, '5.1-to-loro', DEFAULT_DOWNMIX_LEVELS);
    // Rows over L R C LFE Ls Rs, A/52's default clev = slev = 0.707.
    const expected = [
      [1, 0, 0.707, 0, 0.707, 0],
      [0, 1, 0.707, 0, 0, 0.707],
    ];
    loRo.matrix.forEach((row, c) => row.forEach((g, k) => expect(Math.abs(g - expected[c]![k]!)).toBeLessThan(PUBLISHED)));
    expect(loRo.quadrature).toBeUndefined();
  });

  it('offers centre and surround levels from -6 to +3 dB in 1.5 dB steps, as E-AC-3 tabulates them (1.414 ... 0.500)', () => {
    const published: Readonly<Record<string, number>> = { '3': 1.414, '1.5': 1.189, '0': 1.0, '-1.5': 0.841, '-3': 0.707, '-4.5': 0.595, '-6': 0.5 };
    expect(DOWNMIX_LEVELS_DB).toHaveLength(7);
    for (const level of DOWNMIX_LEVELS_DB) {
      const loRo = loRoDownmix(fiveOne, 'x', { centreDb: level, surroundDb: level });
      expect(Math.abs(gain(loRo, 'M+030', 'M+000') - published[String(level)]!)).toBeLessThan(PUBLISHED);
      expect(Math.abs(gain(loRo, 'M-030', 'M-110') - published[String(level)]!)).toBeLessThan(PUBLISHED);
    }
  });

  it('refuses a level off the steps, naming it and the levels allowed', () => {
    expect(() => loRoDownmix(fiveOne, 'x', { centreDb: -2, surroundDb: -3 })).toThrow(/centre level -2 dB: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 dB/);
    expect(() => loRoDownmix(fiveOne, 'x', { centreDb: -3, surroundDb: 4.5 })).toThrow(/surround level 4.5 dB/);
  });

  it('needs a 5.1 source and says which channel is missing', () => {
    expect(() => loRoDownmix(loudspeakerOutput('7.1.4', '7.1.4', '4+7+0'), 'x', DEFAULT_DOWNMIX_LEVELS)).toThrow(/needs a M\+110 channel; "7.1.4" has/);
  });
});

describe('Lt/Rt (A/52 section 7.8.2, matrix-encoded)', () => {
  it('is Lt = L + 0.707 C - 0.707 j(Ls + Rs), Rt = R + 0.707 C + 0.707 j(Ls + Rs), the LFE dropped', () => {
    const ltRt = ltRtDownmix(loudspeakerOutput('5.1', '5.1', '0+5+0'), '5.1-to-ltrt', DEFAULT_DOWNMIX_LEVELS);
    const expected = [
      [1, 0, 0.707, 0, 0, 0],
      [0, 1, 0.707, 0, 0, 0],
    ];
    ltRt.matrix.forEach((row, c) => row.forEach((g, k) => expect(Math.abs(g - expected[c]![k]!)).toBeLessThan(PUBLISHED)));
    expect(ltRt.quadrature!.sumGains).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Math.abs(ltRt.quadrature!.outputGains[0]! + 0.707)).toBeLessThan(PUBLISHED);
    expect(Math.abs(ltRt.quadrature!.outputGains[1]! - 0.707)).toBeLessThan(PUBLISHED);
  });
});

describe('the downmix chain by id', () => {
  it('makes 7.1.4 -> 5.1 -> Lo/Ro -> mono each from the previous', () => {
    const mono = asDownmix(outputById('7.1.4-to-mono', SETTINGS));
    const loRo = asDownmix(mono.from);
    const fold = asDownmix(loRo.from);
    expect([mono.id, loRo.id, fold.id, fold.from.id]).toEqual(['7.1.4-to-mono', '7.1.4-to-loro', '7.1.4-to-5.1', '7.1.4']);
    expect(mono.matrix).toEqual([[Math.SQRT1_2, Math.SQRT1_2]]);
  });

  it('drops the LFE in every stereo and mono downmix and keeps it in the 5.1 fold (a stated, tested choice)', () => {
    for (const id of ['5.1-to-loro', '5.1-to-ltrt', '5.1-to-mono', '7.1.4-to-loro', '7.1.4-to-ltrt']) {
      let output = asDownmix(outputById(id, SETTINGS));
      // Mono takes Lo/Ro, which has no LFE left: check where the LFE is dropped.
      if (output.from.channels.length === 2) output = asDownmix(output.from);
      const lfe = output.from.channels.findIndex((c) => c.isLfe);
      expect(output.matrix.every((row) => row[lfe] === 0)).toBe(true);
      expect(output.quadrature?.sumGains[lfe] ?? 0).toBe(0);
    }
    const fold = asDownmix(outputById('7.1.4-to-5.1', SETTINGS));
    expect(gain(fold, 'LFE1', 'LFE1')).toBe(1);
  });

  it('takes layouts by trade or BS.2051 name, keeps binaural, stereo and mono, and names binaural-<layout>', () => {
    expect(outputById('4+7+0', SETTINGS).id).toBe('7.1.4');
    expect(outputById('5.1', SETTINGS).displayName).toBe('5.1 (0+5+0)');
    expect(outputById('binaural-4+7+0', SETTINGS)).toMatchObject({ kind: 'layoutBinaural', id: 'binaural-7.1.4', from: { id: '7.1.4' } });
    expect(outputById('0+2+0', SETTINGS).id).toBe('stereo');
    expect(outputById('2.0-to-mono', SETTINGS).id).toBe('mono');
    for (const id of ['binaural', 'stereo', 'mono']) expect(outputById(id, SETTINGS).id).toBe(id);
  });

  it('gives file-system-safe ids and refuses unknown ones with the list of ids', () => {
    for (const id of ['7.1.4', '5.1', 'binaural-7.1.4', '7.1.4-to-5.1', '7.1.4-to-loro', '5.1-to-ltrt', '0+7+0-to-mono']) {
      expect(outputById(id, SETTINGS).id).toMatch(/^[A-Za-z0-9.+-]+$/);
    }
    expect(() => outputById('9.9', SETTINGS)).toThrow(/unknown output "9.9": expected binaural, stereo, mono; a layout \(/);
    expect(() => outputById('5.1-to-5.1', SETTINGS)).toThrow(/the layout is 5.1 already/);
    expect(() => outputById('binaural-x', SETTINGS)).toThrow(/unknown output/);
  });
});
