import { describe, expect, it } from 'vitest';
import {
  computeObjectGains,
  createObjectGainCalculator,
  createObjectGains,
} from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { readEarLayoutFixture } from './earGainFixtures';
import { horizontalPointSourcePanner } from './horizontalPointSourcePanner';

/**
 * Bound on |gain - EAR's gain| for every direct and diffuse gain: the fixture's rounding
 * (6 decimals) plus float noise; issue 13 asks for 0.02. Measured maximum: 5e-7 for every
 * feature of the three layouts.
 */
const GAIN_TOLERANCE = 1e-6;

describe('polar object gains against EAR (layouts without height)', () => {
  for (const layoutName of ['0+2+0', '0+5+0', '0+7+0'] as const) {
    it(`${layoutName}: every polar feature within ${GAIN_TOLERANCE}`, () => {
      const fixture = readEarLayoutFixture(layoutName);
      const calculator = createObjectGainCalculator({ name: layoutName, channels: fixture.channels }, horizontalPointSourcePanner(layoutName));
      const gains = createObjectGains(calculator);
      const worst = new Map<string, number>();
      for (const c of fixture.cases.filter((c) => !c.block.cartesian)) {
        computeObjectGains(calculator, c.block, gains);
        let difference = 0;
        for (let i = 0; i < c.direct.length; i++) {
          difference = Math.max(difference, Math.abs(gains.direct[i]! - c.direct[i]!), Math.abs(gains.diffuse[i]! - c.diffuse[i]!));
        }
        worst.set(c.feature, Math.max(worst.get(c.feature) ?? 0, difference));
      }
      expect(worst.size).toBe(8);
      expect([...worst].filter(([, difference]) => difference > GAIN_TOLERANCE)).toEqual([]);
    });
  }
});
