/** WheelEvent.deltaMode values (DOM Level 3 Events). */
export const WHEEL_DELTA_PIXEL = 0;
export const WHEEL_DELTA_LINE = 1;
export const WHEEL_DELTA_PAGE = 2;

/** Pixels per wheel "line" (Firefox reports lines; Chromium pixels). */
const LINE_PX = 40;

/**
 * How far a horizontal strip row scrolls for one wheel event, in pixels (positive: to the
 * right). A plain wheel turn (mostly vertical) scrolls the row sideways, as mixers do, so
 * strips beyond the window are reached with an ordinary mouse; a sideways gesture
 * (trackpad, Shift+wheel) keeps its own horizontal amount.
 */
export function sidewaysScrollPx(deltaX: number, deltaY: number, deltaMode: number, pagePx: number): number {
  const delta = Math.abs(deltaY) > Math.abs(deltaX) ? deltaY : deltaX;
  if (deltaMode === WHEEL_DELTA_LINE) return delta * LINE_PX;
  if (deltaMode === WHEEL_DELTA_PAGE) return delta * pagePx;
  return delta;
}
