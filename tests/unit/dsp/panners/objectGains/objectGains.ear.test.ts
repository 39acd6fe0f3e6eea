import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../../src/core/layouts';
import { createLayoutObjectGains } from '../../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { computeObjectGains, createObjectGains } from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { EAR_LAYOUT_NAMES, readEarLayoutFixture } from './earGainFixtures';

/**
 * Bound on |gain - EAR's gain| for every direct and diffuse gain: the fixtures' rounding
 * (6 decimals) plus float noise. Issue 13 asks for 0.02; measured maximum 5e-7 for every
 * layout and feature (tests/fixtures/ear/gainCalc/README.md lists the features).
 */
const GAIN_TOLERANCE = 1e-6;

describe('object gains against EAR (BS.2127 GainCalc)', () => {
  for (const layoutName of EAR_LAYOUT_NAMES) {
    it(`${layoutName}: every feature, polar and Cartesian, within ${GAIN_TOLERANCE}`, () => {
      const fixture = readEarLayoutFixture(layoutName);
      const layout = getLayout(layoutName);
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
      expect(worst.size).toBe(16);
      expect([...worst].filter(([, difference]) => difference > GAIN_TOLERANCE)).toEqual([]);
    });
  }
});
