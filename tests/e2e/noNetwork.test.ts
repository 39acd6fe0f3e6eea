import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../build/contentSecurityPolicy';
import type { PolicyVariant } from '../../build/contentSecurityPolicy';
import { launchStudioBrowser } from '../../src/cli/browser/chromium';
import type { StudioBrowser } from '../../src/cli/browser/chromium';
import { startBuiltStudioServer, startStudioServer } from '../../src/cli/browser/studioServer';
import type { StudioServer } from '../../src/cli/browser/studioServer';
import { openStudio } from './support/studioPage';
import type { StudioWindow } from './support/studioPage';

/**
 * The studio talks to no other host: every request the page and its workers make while
 * the demo loads, plays and exports goes to the local server, and the page's
 * Content-Security-Policy (build/contentSecurityPolicy.ts) reports no violation on the
 * way, on the dev server and on the built page under `vite preview`. A request to another
 * host, made on purpose at the end, is refused by the policy before it leaves the page
 * (before the policy existed it went out: that test failed).
 */

interface Violation {
  readonly directive: string;
  readonly blockedUri: string;
}

interface ViolationWindow {
  __cspViolations?: Violation[];
}

interface SeenRequest {
  readonly url: string;
  readonly type: string;
}

/** How long the demo plays: long enough for the meters and a few hundred worklet blocks. */
const PLAY_MS = 1500;
const EXPORT_TIMEOUT_MS = 120_000;

const SERVERS: readonly { name: string; start: () => Promise<StudioServer>; variant: PolicyVariant }[] = [
  { name: 'the dev server', start: startStudioServer, variant: 'dev' },
  { name: 'the built page (vite build, vite preview)', start: startBuiltStudioServer, variant: 'built' },
];

describe.each(SERVERS)('no network beyond the local server: $name', ({ start, variant }) => {
  let server: StudioServer;
  let browser: StudioBrowser;
  const requests: SeenRequest[] = [];

  beforeAll(async () => {
    server = await start();
    browser = await launchStudioBrowser();
    browser.context.on('request', (request: Request) => requests.push({ url: request.url(), type: request.resourceType() }));
    browser.page.on('websocket', (socket) => requests.push({ url: socket.url(), type: 'websocket' }));
    await browser.page.addInitScript(() => {
      const seen: Violation[] = [];
      (globalThis as ViolationWindow).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blockedUri: event.blockedURI }));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const violations = (): Promise<Violation[]> => browser.page.evaluate(() => (globalThis as ViolationWindow).__cspViolations ?? []);

  /**
   * Requests to anything but the local server: its http origin, or its host and port over
   * ws (Vite's client socket). data: and blob: URLs are the page's own bytes.
   */
  const foreignRequests = (): SeenRequest[] => {
    const local = new URL(server.url);
    return requests.filter(({ url }) => {
      const request = new URL(url);
      if (request.protocol === 'data:' || request.protocol === 'blob:') return false;
      if (request.protocol === 'ws:') return request.host !== local.host;
      return request.origin !== local.origin;
    });
  };

  it('loads the demo under the policy, sent as a header and as the first tag of the head', async () => {
    const { page } = browser;
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    // The tests' page has no inline script (no HMR, so no React Refresh preamble): no hashes.
    expect(await response?.headerValue('content-security-policy')).toContain("default-src 'self'");
    const meta = await page.locator('head > meta[http-equiv="Content-Security-Policy"]:first-child').getAttribute('content');
    expect(meta).toBe(contentSecurityPolicy(variant));
    await openStudio(page, server.url);
    expect(requests.length).toBeGreaterThan(5);
  });

  it('plays the demo', async () => {
    const { page } = browser;
    await page.getByRole('region', { name: 'Mixer', exact: true }).click({ position: { x: 40, y: 12 } });
    await expect
      .poll(() => page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().engineStatus), { timeout: 30_000 })
      .toBe('ready');
    await page.getByTestId('transport-play').click();
    await page.waitForTimeout(PLAY_MS);
    await page.getByTestId('transport-play').click();
    const positionSec = await page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().transport.positionSec);
    expect(positionSec).toBeGreaterThan(0.5);
  });

  it('exports a mono mix', async () => {
    const { page } = browser;
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.getByTestId('export-open').click();
    for (const format of ['binaural', 'stereo']) await page.getByTestId(`export-format-${format}`).uncheck();
    await page.getByTestId('export-start').click();
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: EXPORT_TIMEOUT_MS }).toMatch(/^Done/);
    await expect.poll(() => downloads.length).toBe(1);
    await page.getByTestId('export-close').click();
  });

  it('made every request to the local server and broke no rule of the policy', async () => {
    console.log(`no network, ${variant}: ${requests.length} requests, types ${[...new Set(requests.map((r) => r.type))].sort().join(', ')}`);
    expect(foreignRequests()).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('refuses a request to another host before it leaves the page', async () => {
    // The same server under another name is another origin: the policy must stop it.
    const elsewhere = new URL(server.url);
    elsewhere.hostname = 'localhost';
    const target = `${elsewhere.origin}/index.html`;
    const outcome = await browser.page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'refused';
      }
    }, target);
    expect(outcome).toBe('refused');
    // Reported once by each copy of the policy (header and meta tag).
    await expect.poll(violations).toEqual(Array(2).fill({ directive: 'connect-src', blockedUri: target }));
    expect(foreignRequests()).toEqual([]);
  });
});
