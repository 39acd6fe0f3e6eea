import { describe, expect, it } from 'vitest';
import { LABEL_GAP_PX, declutterLabels } from '../../../src/ui/stage/labelDeclutter';
import type { LabelBox } from '../../../src/ui/stage/labelDeclutter';
import { createPrng } from '../../support/prng';

function overlapPairs(boxes: readonly LabelBox[], shifts: readonly number[]): string[] {
  const moved = boxes.map((b, i) => ({ ...b, top: b.top + shifts[i]! }));
  const pairs: string[] = [];
  for (let i = 0; i < moved.length; i++) {
    for (let j = i + 1; j < moved.length; j++) {
      const a = moved[i]!;
      const b = moved[j]!;
      if (a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height) pairs.push(`${i}/${j}`);
    }
  }
  return pairs;
}

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('the stage labels\' declutter pass', () => {
  it('leaves labels that do not overlap where they are', () => {
    const boxes: LabelBox[] = [
      { left: 0, top: 0, width: 60, height: 18 },
      { left: 70, top: 0, width: 60, height: 18 },
      { left: 0, top: 30, width: 60, height: 18 },
    ];
    expect(declutterLabels(boxes, identity(3))).toEqual([0, 0, 0]);
  });

  it('moves the second of two overlapping labels just above the first, the gap apart', () => {
    const boxes: LabelBox[] = [
      { left: 100, top: 100, width: 60, height: 18 },
      { left: 120, top: 105, width: 60, height: 18 },
    ];
    // Candidates for the second: 105 (taken), 100 - 18 - 2 = 80 (25 px up), 100 + 18 + 2 = 120 (15 px down): down is nearer.
    expect(declutterLabels(boxes, [0, 1])).toEqual([0, 120 - 105]);
    // In the other order the first moves instead: 105 - 18 - 2 = 85 (15 up) or 125 (25 down).
    expect(declutterLabels(boxes, [1, 0])).toEqual([85 - 100, 0]);
    expect(LABEL_GAP_PX).toBe(2);
  });

  it('separates 7 to 40 labels piled on one spot, and any seeded random scatter, with no overlap', () => {
    for (const count of [7, 16, 23, 40]) {
      const boxes = Array.from({ length: count }, () => ({ left: 200, top: 200, width: 70, height: 18 }));
      expect(overlapPairs(boxes, declutterLabels(boxes, identity(count)))).toEqual([]);
    }
    for (let seed = 1; seed <= 50; seed++) {
      const random = createPrng(seed);
      const count = 5 + Math.floor(random() * 30);
      const boxes = Array.from({ length: count }, () => ({ left: random() * 300, top: random() * 200, width: 40 + random() * 60, height: 16 + random() * 4 }));
      const shifts = declutterLabels(boxes, identity(count));
      expect(overlapPairs(boxes, shifts), `seed ${seed}`).toEqual([]);
      // The first label placed never moves; the pass is deterministic.
      expect(shifts[0]).toBe(0);
      expect(declutterLabels(boxes, identity(count))).toEqual(shifts);
    }
  });
});
