import { describe, expect, it } from 'vitest';
import { OWN_LOSS_FLOOR_DB } from '../../../src/render/analysis/findingFigures';
import { ownMonoLossDb, stemMonoLossDb } from '../../../src/render/analysis/ownMonoLoss';

describe('own mono loss: the mono sum against channels adding in power', () => {
  it('reads +3.01 dB for identical channels, 0 dB for uncorrelated ones and the floor for inverted ones (1e-12)', () => {
    // (PL + PR + 2C) / (PL + PR): 2 for L = R, 1 for C = 0, 0 for L = -R (floored at -60 dB).
    expect(Math.abs(ownMonoLossDb(4, 4, 4, 2) - 10 * Math.log10(2))).toBeLessThan(1e-12);
    expect(Math.abs(ownMonoLossDb(4, 4, 0, 2))).toBeLessThan(1e-12);
    expect(ownMonoLossDb(4, 4, -4, 2)).toBe(OWN_LOSS_FLOOR_DB);
    // Unequal channels, partly cancelling: 10 log10((1 + 4 - 2) / 5) = -2.22 dB.
    expect(Math.abs(ownMonoLossDb(1, 4, -1, 1) - 10 * Math.log10(3 / 5))).toBeLessThan(1e-12);
  });

  it('is the same whatever the frame count (moments are sums) and reads silence as 0 dB', () => {
    expect(Math.abs(ownMonoLossDb(1, 4, -1, 1000) - 10 * Math.log10(3 / 5))).toBeLessThan(1e-12);
    expect(ownMonoLossDb(0, 0, 0, 1000)).toBe(0);
  });

  it('gives a stem of equal channels 10 log10(1 + r): -0.97 dB for r = -0.2, the floor for r = -1 (1e-12)', () => {
    expect(Math.abs(stemMonoLossDb(-0.2) - 10 * Math.log10(0.8))).toBeLessThan(1e-12);
    expect(Math.abs(stemMonoLossDb(1) - 10 * Math.log10(2))).toBeLessThan(1e-12);
    expect(stemMonoLossDb(-1)).toBe(OWN_LOSS_FLOOR_DB);
  });
});
