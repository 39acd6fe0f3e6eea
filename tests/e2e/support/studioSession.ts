import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchStudioBrowser } from '../../../src/cli/browser/chromium';
import type { StudioBrowser } from '../../../src/cli/browser/chromium';
import { startStudioServer } from '../../../src/cli/browser/studioServer';
import type { StudioServer } from '../../../src/cli/browser/studioServer';
import { openStudio } from './studioPage';

/** A browser test file's dev server and Chromium, live between its beforeAll and afterAll. */
export interface StudioSession {
  readonly server: StudioServer;
  readonly browser: StudioBrowser;
  /** The browser's one page. */
  readonly page: Page;
}

export interface StudioSessionOptions {
  /** Open the studio (openStudio) once the browser is up. False leaves the page blank, for a file that opens something else or opens later. Default true. */
  readonly open?: boolean;
}

/**
 * Registers the file's beforeAll (start the dev server, launch Chromium, open the studio)
 * and afterAll (close both). Call it at the top of a test file, before the file's own
 * hooks: those then run after the session is up. The getters give the live values.
 */
export function useStudioSession(options: StudioSessionOptions = {}): StudioSession {
  let server: StudioServer | undefined;
  let browser: StudioBrowser | undefined;

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchStudioBrowser();
    if (options.open !== false) await openStudio(browser.page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the studio session's ${name} is not up: use it in tests or in hooks registered after useStudioSession()`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(browser, 'browser').page;
    },
  };
}
