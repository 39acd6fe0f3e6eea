import { describe, expect, it } from 'vitest';
import { findingKind } from '../../../../src/render/analysis/findingKind';
import type { FindingEvidence } from '../../../../src/render/analysis/findingKind';

/** A source whose contribution cancels broadband a little (correlation -0.2), from a mono stem, with nothing band-wise. */
const wide: FindingEvidence = {
  haas: false,
  cancels: true,
  correlation: -0.2,
  stemCorrelation: 1,
  energy: 1,
  invertedEnergy: 0,
  negativeShare: 0,
  lowNegativeShare: 0,
};

describe('the kind of a finding, by the first rule that holds', () => {
  it('calls a delayed copy a Haas delay, whatever else it does', () => {
    expect(findingKind({ ...wide, haas: true, correlation: -1 })).toBe('haas');
  });

  it('when only the stem cancels: folded away by the placement (0.2 above the stem), inverted (-0.7 or less), or wide', () => {
    const stemOnly = { ...wide, cancels: false, stemCorrelation: -0.5 };
    expect(findingKind({ ...stemOnly, correlation: -0.25 })).toBe('fold-down-cancellation');
    expect(findingKind({ ...stemOnly, correlation: -0.4 })).toBe('wide-source');
    expect(findingKind({ ...stemOnly, correlation: -0.75, stemCorrelation: -0.8 })).toBe('polarity');
  });

  it('when the contribution cancels: inverted broadband or in a quarter of its energy, in its low end, by its placement, or wide', () => {
    expect(findingKind({ ...wide, correlation: -0.7 })).toBe('polarity');
    expect(findingKind({ ...wide, invertedEnergy: 0.25 })).toBe('polarity');
    expect(findingKind({ ...wide, invertedEnergy: 0.24, negativeShare: 2, lowNegativeShare: 1 })).toBe('wide-low-end');
    // A mono stem (correlation 1) that cancels in the render: its placement.
    expect(findingKind({ ...wide, negativeShare: 2, lowNegativeShare: 0.9 })).toBe('fold-down-cancellation');
    expect(findingKind({ ...wide, stemCorrelation: -0.1 })).toBe('wide-source');
  });
});
