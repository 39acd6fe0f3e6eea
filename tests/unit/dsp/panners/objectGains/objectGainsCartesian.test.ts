import { describe, expect, it } from 'vitest';
import {
  computeObjectGains,
  createObjectGainCalculator,
  createObjectGains,
} from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { EAR_LAYOUT_NAMES, readEarLayoutFixture } from './earGainFixtures';

/**
 * Bound on |gain - EAR's gain| for every direct and diffuse gain: the fixture's rounding
 * (6 decimals) plus float noise. Issue 13 asks for 0.02; the allocentric path agrees to
 * the rounding (measured maximum 5e-7 for every layout and feature).
 */
const GAIN_TOLERANCE = 1e-6;

describe('Cartesian (allocentric) object gains against EAR', () => {
  for (const layoutName of EAR_LAYOUT_NAMES) {
    it(`${layoutName}: every Cartesian feature within ${GAIN_TOLERANCE}`, () => {
      const fixture = readEarLayoutFixture(layoutName);
      const calculator = createObjectGainCalculator({ name: layoutName, channels: fixture.channels }, null);
      const gains = createObjectGains(calculator);
      const worst = new Map<string, number>();
      for (const c of fixture.cases.filter((c) => c.block.cartesian)) {
        computeObjectGains(calculator, c.block, gains);
        let difference = 0;
        for (let i = 0; i < c.direct.length; i++) {
          difference = Math.max(difference, Math.abs(gains.direct[i]! - c.direct[i]!), Math.abs(gains.diffuse[i]! - c.diffuse[i]!));
        }
        worst.set(c.feature, Math.max(worst.get(c.feature) ?? 0, difference));
      }
      expect(worst.size).toBe(8);
      const over = [...worst].filter(([, difference]) => difference > GAIN_TOLERANCE);
      expect(over).toEqual([]);
    });
  }
});
