import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getLayout } from '../../../../../src/core/layouts';
import type { LoudspeakerLayout } from '../../../../../src/core/layouts';
import { readUserLayout } from '../../../../../src/core/userLayout';
import { createLayoutObjectGains } from '../../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { computeObjectGains, createObjectGains } from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { EAR_LAYOUT_NAMES, readEarLayoutFixture } from './earGainFixtures';
import type { EarLayoutFixture } from './earGainFixtures';

/**
 * Bound on |gain - EAR's gain| for every direct and diffuse gain: the fixtures' rounding
 * (6 decimals) plus float noise. Issue 13 asks for 0.02; measured maximum 5e-7 for every
 * layout and feature (tests/fixtures/ear/gainCalc/README.md lists the features).
 */
const GAIN_TOLERANCE = 1e-6;

/** The same bound for reference gains stored unrounded: float noise only. */
const FULL_PRECISION_TOLERANCE = 1e-12;

/** The largest |difference| from EAR's direct and diffuse gains, per feature. */
function worstDifferences(layout: LoudspeakerLayout, fixture: EarLayoutFixture): Map<string, number> {
  expect(layout.channels.map((c) => c.label)).toEqual(fixture.channels.map((c) => c.label));
  const calculator = createLayoutObjectGains(layout);
  const gains = createObjectGains(calculator);
  const worst = new Map<string, number>();
  for (const c of fixture.cases) {
    computeObjectGains(calculator, c.block, gains);
    let difference = 0;
    for (let i = 0; i < c.direct.length; i++) {
      difference = Math.max(difference, Math.abs(gains.direct[i]! - c.direct[i]!), Math.abs(gains.diffuse[i]! - c.diffuse[i]!));
    }
    worst.set(c.feature, Math.max(worst.get(c.feature) ?? 0, difference));
  }
  return worst;
}

describe('object gains against EAR (BS.2127 GainCalc)', () => {
  for (const layoutName of EAR_LAYOUT_NAMES) {
    it(`${layoutName}: every feature, polar and Cartesian, within ${GAIN_TOLERANCE}`, () => {
      const worst = worstDifferences(getLayout(layoutName), readEarLayoutFixture(layoutName));
      expect(worst.size).toBe(16);
      expect([...worst].filter(([, difference]) => difference > GAIN_TOLERANCE)).toEqual([]);
    });
  }

  // these gains are stored at full precision: measured maximum 4.4e-16
  it(`EAR's own test vectors on 4+5+0 (180 of its 1,072 blocks: no screen features, position kind matching the flag) within ${FULL_PRECISION_TOLERANCE}`, () => {
    const worst = worstDifferences(getLayout('4+5+0'), readEarLayoutFixture('ear-shipped-4+5+0'));
    expect([...worst.keys()].sort()).toEqual(['earShippedCartesian', 'earShippedPolar']);
    expect([...worst].filter(([, difference]) => difference > FULL_PRECISION_TOLERANCE)).toEqual([]);
  });

  it(`a user layout (studio-b-7.1.4: real angles over 4+7+0, zone exclusion by the nominal ones): every feature within ${GAIN_TOLERANCE}`, () => {
    const file = new URL('../../../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url);
    const layout = readUserLayout(JSON.parse(readFileSync(file, 'utf8')), 'studio-b-7.1.4.json');
    const worst = worstDifferences(layout, readEarLayoutFixture('user-studio-b-7.1.4'));
    expect(worst.size).toBe(16);
    expect([...worst].filter(([, difference]) => difference > GAIN_TOLERANCE)).toEqual([]);
  });
});
