import { useEffect } from 'react';
import type { RefObject } from 'react';
import { sidewaysScrollPx } from './sidewaysWheel';

/**
 * Lets a plain mouse wheel scroll the element sideways while it overflows horizontally
 * (sidewaysWheel.ts). The listener is not passive, so the page does not also scroll.
 * `active` re-attaches it when the element appears.
 */
export function useSidewaysWheel(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (element === null || !active) return;
    const onWheel = (event: WheelEvent): void => {
      if (element.scrollWidth <= element.clientWidth || event.ctrlKey) return;
      const amountPx = sidewaysScrollPx(event.deltaX, event.deltaY, event.deltaMode, element.clientWidth);
      const maxLeft = element.scrollWidth - element.clientWidth;
      const next = Math.min(maxLeft, Math.max(0, element.scrollLeft + amountPx));
      if (next === element.scrollLeft) return;
      event.preventDefault();
      element.scrollLeft = next;
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [ref, active]);
}
