import { describe, expect, it } from 'vitest';
import { getLayout, LAYOUT_NAMES } from '../../../../../src/core/layouts';
import { createLayoutObjectGains } from '../../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { computeObjectGains, createObjectGains } from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import type { ObjectGainCalculator, ObjectGains } from '../../../../../src/dsp/panners/objectGains/objectGainCalculator';
import { DEFAULT_OBJECT_BLOCK } from '../../../../../src/dsp/panners/objectGains/objectBlock';
import type { ObjectBlock } from '../../../../../src/dsp/panners/objectGains/objectBlock';
import { unitVector } from '../../../../../src/dsp/panners/pointSourcePanner';
import { allocentricPosition } from '../../../../../src/core/allocentricPositions';
import { createPrng } from '../../../../support/prng';

/**
 * How far from the source the power goes: sum_c g_c^2 |p_c - p| / sum_c g_c^2, the
 * power-weighted mean distance of the loudspeakers from the source. Polar: unit
 * directions (chord length); Cartesian: the allocentric cube positions.
 */
function meanDistance(gains: ObjectGains, positions: readonly (readonly number[] | null)[], source: readonly number[]): number {
  let weighted = 0;
  let power = 0;
  for (const [c, u] of positions.entries()) {
    if (u === null) continue;
    const p = gains.direct[c]! ** 2;
    power += p;
    weighted += p * Math.hypot(u[0]! - source[0]!, u[1]! - source[1]!, u[2]! - source[2]!);
  }
  return weighted / power;
}

/**
 * How much the mean distance may fall in one step of width (20 degrees) or size (0.05).
 * Not 0: for a source in a wide gap (azimuth 135 on 0+5+0) a narrow extent first draws
 * power to the nearer loudspeaker of the pair; measured worst fall 0.017.
 */
const MONOTONE_TOLERANCE = 0.02;

function gainsOf(calculator: ObjectGainCalculator, block: ObjectBlock): ObjectGains {
  const gains = createObjectGains(calculator);
  computeObjectGains(calculator, block, gains);
  return gains;
}

describe('object gain invariants on every layout', () => {
  for (const layoutName of LAYOUT_NAMES) {
    const calculator = createLayoutObjectGains(getLayout(layoutName));
    it(`${layoutName}: power is normalised: sum of direct^2 + diffuse^2 = gain^2 (1e-9) over 300 random blocks, gains >= 0`, () => {
      const random = createPrng(2127);
      const gains = createObjectGains(calculator);
      for (let n = 0; n < 300; n++) {
        const cartesian = random() < 0.5;
        const block: ObjectBlock = {
          ...DEFAULT_OBJECT_BLOCK,
          position: cartesian
            ? { X: 2 * random() - 1, Y: 2 * random() - 1, Z: 2 * random() - 1 }
            : { azimuth: 360 * random() - 180, elevation: 180 * random() - 90, distance: random() },
          cartesian,
          width: cartesian ? random() : 360 * random(),
          height: cartesian ? random() : 360 * random(),
          depth: random(),
          gain: 2 * random(),
          diffuse: random(),
          objectDivergence: { value: random() < 0.5 ? random() : 0, azimuthRange: 90 * random(), positionRange: random() },
          channelLock: { flag: random() < 0.2, maxDistance: null },
          zoneExclusion: random() < 0.3 ? [{ minElevation: -90, maxElevation: 90, minAzimuth: 0, maxAzimuth: 180 * random() }] : [],
        };
        computeObjectGains(calculator, block, gains);
        let power = 0;
        for (let c = 0; c < gains.direct.length; c++) {
          expect(gains.direct[c]).toBeGreaterThanOrEqual(0);
          expect(gains.diffuse[c]).toBeGreaterThanOrEqual(0);
          power += gains.direct[c]! ** 2 + gains.diffuse[c]! ** 2;
        }
        expect(Math.abs(power - block.gain ** 2)).toBeLessThan(1e-9);
      }
    });

    it(`${layoutName}: a wider extent spreads the power: the power-weighted mean distance of the loudspeakers from the source grows with width and size (falls of at most 0.02 a step)`, () => {
      const falls: string[] = [];
      const layout = getLayout(layoutName);
      const directions = layout.channels.map((c) => (c.isLfe ? null : unitVector(c.azimuthDeg, c.elevationDeg)));
      const cube = layout.channels.map((c) => (c.isLfe ? null : c.label.endsWith('SC') ? null : allocentricPosition(layoutName, c.label) ?? null));
      const check = (what: string, blocks: ObjectBlock[], positions: readonly (readonly number[] | null)[], source: readonly number[]): void => {
        const spread = blocks.map((block) => meanDistance(gainsOf(calculator, block), positions, source));
        for (let k = 1; k < spread.length; k++) {
          if (spread[k]! < spread[k - 1]! - MONOTONE_TOLERANCE) falls.push(`${what} step ${k}: ${spread[k - 1]} -> ${spread[k]}`);
        }
        // a front source spread all round reaches loudspeakers on average more than 60 degrees (chord 1) further away
        if (what === 'polar az 0 el 0' && layoutName !== '0+2+0' && spread[spread.length - 1]! - spread[0]! < 1) {
          falls.push(`${what}: 360 degrees wide only ${spread[spread.length - 1]! - spread[0]!} further than the point`);
        }
      };
      for (const azimuth of [0, 25, 70, 135, 180]) {
        for (const elevation of [0, 40]) {
          const point: ObjectBlock = { ...DEFAULT_OBJECT_BLOCK, position: { azimuth, elevation, distance: 1 } };
          const widths = Array.from({ length: 19 }, (_, k) => 20 * k);
          check(`polar az ${azimuth} el ${elevation}`, widths.map((width) => ({ ...point, width, height: width / 2 })), directions, unitVector(azimuth, elevation));
        }
      }
      for (const position of [{ X: 0, Y: 1, Z: 0 }, { X: -0.5, Y: 0.3, Z: 0.2 }, { X: 1, Y: -1, Z: 0 }]) {
        const point: ObjectBlock = { ...DEFAULT_OBJECT_BLOCK, position, cartesian: true };
        const sizes = Array.from({ length: 21 }, (_, k) => k / 20);
        check(`Cartesian ${JSON.stringify(position)}`, sizes.map((size) => ({ ...point, width: size, height: size, depth: size })), cube, [position.X, position.Y, position.Z]);
      }
      expect(falls).toEqual([]);
    });
  }
});
