import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../../src/core/layouts';
import type { LayoutChannel, LayoutName, LoudspeakerLayout } from '../../../../../src/core/layouts';
import { readUserLayout } from '../../../../../src/core/userLayout';
import { directSpeakersGains, directSpeakersMatrix } from '../../../../../src/dsp/panners/directSpeakers/directSpeakersGains';
import { bs2051Label } from '../../../../../src/dsp/panners/directSpeakers/speakerLabel';
import { MAPPING_RULES, mirrorLabel } from '../../../../../src/dsp/panners/directSpeakers/mappingRules';
import { createLayoutPanner } from '../../../../../src/render/buses/layoutPanners';

const EXACT = 1e-12;

function gains(from: LayoutName, label: string, output: LoudspeakerLayout): Record<string, number> {
  const channel = getLayout(from).channels.find((c) => c.label === label) as LayoutChannel;
  const out = new Float64Array(output.channels.length);
  directSpeakersGains(from, channel, output, createLayoutPanner(output), out);
  return Object.fromEntries(output.channels.flatMap((c, i) => (out[i] === 0 ? [] : [[c.label, out[i]!]])));
}

describe('directSpeakersGains (BS.2127 section 8)', () => {
  it('sends a channel to the loudspeaker of its label, wherever a user layout has it', () => {
    const room = readUserLayout(
      JSON.parse(readFileSync(new URL('../../../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url), 'utf8')),
      'studio-b-7.1.4.json',
    );
    expect(gains('0+7+0', 'M+135', room)).toEqual({ 'M+135': 1 });
    expect(gains('2+7+0', 'M-090', room)).toEqual({ 'M-090': 1 });
  });

  it('routes LFE1 to LFE1, two LFEs into one at sqrt(1/2) each, and drops the LFE where the output has none', () => {
    expect(gains('0+5+0', 'LFE1', getLayout('4+7+0'))).toEqual({ LFE1: 1 });
    const intoFiveOne = gains('9+10+3', 'LFE2', getLayout('0+5+0'));
    expect(Math.abs(intoFiveOne['LFE1']! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(gains('9+10+3', 'LFE2', getLayout('3+7+0'))).toEqual({ LFE2: 1 });
    expect(gains('0+5+0', 'LFE1', getLayout('0+2+0'))).toEqual({});
  });

  it('applies no mapping rule to a channel of no BS.2051 layout: an ADM pack\'s own M+135 into 5.1 is panned, not sent to M+110', () => {
    const channel = getLayout('0+7+0').channels[6]!;
    const output = getLayout('0+5+0');
    const out = new Float64Array(output.channels.length);
    directSpeakersGains(undefined, channel, output, createLayoutPanner(output), out);
    expect(out[4]!).toBeGreaterThan(0);
    expect(out[4]!).toBeLessThan(1);
    expect(Math.abs(out.reduce((s, g) => s + g * g, 0) - 1)).toBeLessThan(EXACT);
  });

  it('applies the mapping rules: 7.1\'s back pair to 5.1\'s surrounds, a centre into stereo at sqrt(1/2) each', () => {
    expect(gains('0+7+0', 'M-135', getLayout('0+5+0'))).toEqual({ 'M-110': 1 });
    const centre = gains('0+5+0', 'M+000', getLayout('0+2+0'));
    expect(Object.keys(centre).sort()).toEqual(['M+030', 'M-030']);
    expect(Math.abs(centre['M+030']! - Math.SQRT1_2)).toBeLessThan(EXACT);
  });

  it('pans a channel with neither rule nor loudspeaker from its position: 7.1.2\'s U+090 into 5.1.4 (power 1, left side only)', () => {
    const g = gains('2+7+0', 'U+090', getLayout('4+5+0'));
    expect(Math.abs(Object.values(g).reduce((s, v) => s + v * v, 0) - 1)).toBeLessThan(EXACT);
    expect(Object.keys(g).every((label) => label.includes('+'))).toBe(true);
  });

  it('has, for every label, its mirror\'s rules with left and right swapped (labels on the centre line their own)', () => {
    const sorted = (gains: readonly (readonly [string, number])[]): string[] => gains.map(([l, g]) => `${l} ${g}`).sort();
    for (const [label, rules] of MAPPING_RULES) {
      const mirror = MAPPING_RULES.get(mirrorLabel(label));
      expect(mirror?.map((r) => sorted(r.gains.map(([l, g]) => [mirrorLabel(l), g] as const)))).toEqual(rules.map((r) => sorted(r.gains)));
    }
    expect(MAPPING_RULES.get('M-060')?.[1]?.gains).toEqual([['M-030', Math.sqrt(2 / 3)], ['M-110', Math.sqrt(1 / 3)]]);
  });
});

describe('directSpeakersMatrix and bs2051Label', () => {
  it('renders a 7.1.2 bed to 5.1.4 as a matrix of its channels\' gains, each of power 1 (same label, LFE to LFE, or panned)', () => {
    const input = getLayout('2+7+0');
    const output = getLayout('4+5+0');
    const matrix = directSpeakersMatrix(input, output, createLayoutPanner(output));
    expect(matrix).toHaveLength(output.channels.length);
    input.channels.forEach((channel, i) => {
      const power = matrix.reduce((sum, row) => sum + row[i]! ** 2, 0);
      expect(Math.abs(power - 1), channel.label).toBeLessThan(EXACT);
    });
    expect(matrix[3]![3]).toBe(1); // LFE1 to LFE1
  });

  it('reads ITU URNs and the LFE spellings of BS.2127 as BS.2051 labels', () => {
    expect(bs2051Label('urn:itu:bs:2051:0:speaker:U-045')).toBe('U-045');
    expect(bs2051Label('M+030')).toBe('M+030');
    expect(bs2051Label('LFE')).toBe('LFE1');
    expect(bs2051Label('LFER')).toBe('LFE2');
    expect(bs2051Label('urn:itu:bs:2051:1:speaker:LFEL')).toBe('LFE1');
  });
});
