import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium, which the browser tests and the browser benchmark drive (CI installs it with apt-get). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface StudioBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page threw or logged, for assertions and for diagnosing failures. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export interface StudioBrowserOptions {
  /** The profile folder to use, kept on close (a test reopens it after a crash); default a fresh temporary one, removed on close. */
  readonly profileDir?: string;
}

/** Chromium with one page, on a fresh profile in a temporary folder or on `options.profileDir`. */
export async function launchStudioBrowser(options: StudioBrowserOptions = {}): Promise<StudioBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`the browser tests and benchmark need Chromium at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  }
  const profile = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'studio-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      if (options.profileDir === undefined) await rm(profile, { recursive: true, force: true });
    },
  };
}
