import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../../src/core/layouts';
import type { LayoutChannel, LayoutName, LoudspeakerLayout } from '../../../../../src/core/layouts';
import { readUserLayout } from '../../../../../src/core/userLayout';
import { directSpeakersGains } from '../../../../../src/dsp/panners/directSpeakers/directSpeakersGains';
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
