import { describe, expect, it } from 'vitest';
import { WHEEL_DELTA_LINE, WHEEL_DELTA_PAGE, WHEEL_DELTA_PIXEL, sidewaysScrollPx } from '../../../src/ui/mixer/sidewaysWheel';

describe('the mixer strips\' sideways wheel', () => {
  it('turns a vertical wheel into the same sideways distance (down: right)', () => {
    expect(sidewaysScrollPx(0, 100, WHEEL_DELTA_PIXEL, 900)).toBe(100);
    expect(sidewaysScrollPx(0, -53, WHEEL_DELTA_PIXEL, 900)).toBe(-53);
  });

  it('keeps a mostly sideways gesture (trackpad, Shift+wheel) as it is', () => {
    expect(sidewaysScrollPx(-80, 10, WHEEL_DELTA_PIXEL, 900)).toBe(-80);
  });

  it('scales lines (40 px each) and pages (the row\'s width)', () => {
    expect(sidewaysScrollPx(0, 3, WHEEL_DELTA_LINE, 900)).toBe(120);
    expect(sidewaysScrollPx(0, -1, WHEEL_DELTA_PAGE, 900)).toBe(-900);
  });
});
