import { describe, expect, it } from 'vitest';
import { artifactPath } from './support/artifacts';
import { useStudioSession } from './support/studioSession';
import { openStudio } from './support/studioPage';

/**
 * The top bar at a 1024 x 768 window (a small laptop): nothing in it overflows or is cut
 * off. Checked on the page as drawn: the bar and each element in it keep their content
 * (scrollWidth <= clientWidth), and every element's box lies inside the bar and the window.
 */

const VIEWPORT = { width: 1024, height: 768 };
/** Sub-pixel layout rounding. */
const LAYOUT_TOLERANCE_PX = 0.5;

interface Overflow {
  readonly element: string;
  readonly problem: string;
}

const session = useStudioSession({ open: false });

/** Elements of the top bar that overflow, are clipped or leave the bar or the window, as the page is drawn now. */
async function topBarOverflows(): Promise<Overflow[]> {
  return session.page.evaluate((tolerance) => {
      const bar = document.querySelector('header.topbar');
      if (bar === null) return [{ element: 'header.topbar', problem: 'missing' }];
      const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.id === '' ? '' : `#${el.id}`}${el.className === '' ? '' : `.${String(el.className).trim().split(/\s+/).join('.')}`}${el.getAttribute('data-testid') === null ? '' : `[${el.getAttribute('data-testid')}]`}`;
      const found: Overflow[] = [];
      const barBox = bar.getBoundingClientRect();
      for (const el of [bar, ...Array.from(bar.querySelectorAll('*'))]) {
        const box = el.getBoundingClientRect();
        // Screen-reader-only text (clip: rect(0 0 0 0), as .visually-hidden) is clipped on purpose.
        const screenReaderOnly = (e: Element): boolean => getComputedStyle(e).clip.startsWith('rect(');
        if ((box.width === 0 && box.height === 0) || screenReaderOnly(el) || (el.parentElement !== null && screenReaderOnly(el.parentElement))) continue;
        const html = el as HTMLElement;
        if (html.scrollWidth > html.clientWidth + tolerance && html.clientWidth > 0) found.push({ element: name(el), problem: `content ${html.scrollWidth} px in ${html.clientWidth} px` });
        if (box.left < barBox.left - tolerance || box.right > barBox.right + tolerance || box.top < barBox.top - tolerance || box.bottom > barBox.bottom + tolerance) {
          found.push({ element: name(el), problem: `box ${box.left.toFixed(0)}..${box.right.toFixed(0)} x ${box.top.toFixed(0)}..${box.bottom.toFixed(0)} outside the bar ${barBox.left.toFixed(0)}..${barBox.right.toFixed(0)} x ${barBox.top.toFixed(0)}..${barBox.bottom.toFixed(0)}` });
        }
        if (box.right > window.innerWidth + tolerance) found.push({ element: name(el), problem: `right edge ${box.right.toFixed(0)} beyond the window's ${window.innerWidth}` });
      }
      if (document.documentElement.scrollWidth > window.innerWidth) found.push({ element: 'html', problem: `page ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window` });
      return found;
    }, LAYOUT_TOLERANCE_PX);
}

describe('the top bar', () => {
  it('fits at 1024 x 768: no element overflows, is clipped or leaves the bar or the window', async () => {
    const { page, server } = session;
    await page.setViewportSize(VIEWPORT);
    await openStudio(page, server.url, '?engine=none');
    await page.screenshot({ path: artifactPath('top-bar-1024.png'), clip: { x: 0, y: 0, width: VIEWPORT.width, height: 120 } });
    expect(await topBarOverflows()).toEqual([]);
  });

  it('fits in one 52 px row at 1280 x 800 (the other browser tests\' window)', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await page.locator('header.topbar').boundingBox())?.height).toBe(52);
    expect(await topBarOverflows()).toEqual([]);
  });

  it('logged no page errors', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
