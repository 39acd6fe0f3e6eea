import type { Page } from 'playwright-core';
import type { PolarPosition } from '../../../src/core/coordinates';
import type { HeadOrientation } from '../../../src/core/orientation';
import type { Scene } from '../../../src/core/scene/scene';
import type { AudioEngine } from '../../../src/engine/audioEngine';

/**
 * The studio page's test hooks (`window.__studio`, documented in src/main.tsx) as the
 * Node side sees them. The page's own types cannot be imported here (they pull in React
 * and the DOM), so this names just what the browser tests read. Code passed to
 * page.evaluate runs in the page and reaches the hooks through `globalThis`.
 */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

export interface StudioStateView {
  readonly scene: Scene;
  /** Where the engineer's head points while monitoring: not in the scene. */
  readonly monitorHead: HeadOrientation;
  readonly history: { readonly past: readonly unknown[] };
  readonly selectedSourceId: string | null;
  readonly engineStatus: string;
  readonly transport: { readonly durationSec: number; readonly positionSec: number };
  replaceScene(scene: Scene): void;
  pause(): void;
}

export interface StudioHooksView {
  readonly store: { getState(): StudioStateView };
  /** The AudioEngine, or null without audio. */
  readonly engine: AudioEngine | null;
  /** Resolves once the starting session (autosaved, else the demo) is in the store and loaded into the engine. */
  ready(): Promise<void>;
  stageReady(): boolean;
  sourceScreenPosition(sourceId: string): ScreenPoint | null;
  positionScreenPosition(position: PolarPosition): ScreenPoint | null;
}

export interface StudioWindow {
  __studio?: StudioHooksView;
}

/** Generous: the first load compiles the page's modules in the dev server and prepares the HRTF set and stems. */
export const PAGE_LOAD_TIMEOUT_MS = 90_000;

/**
 * Opens the studio and waits until it is usable: the hooks are installed (the starting
 * session is in the store), the 3D stage is up, and ready() has resolved (the session is
 * loaded into the engine).
 */
export async function openStudio(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(new URL(query, baseUrl).href);
  await waitForStudio(page);
}

export async function waitForStudio(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as StudioWindow).__studio?.stageReady() === true, undefined, { timeout: PAGE_LOAD_TIMEOUT_MS });
  await page.evaluate(() => (globalThis as StudioWindow).__studio!.ready());
}

/** The scene as the store holds it now. */
export async function storeScene(page: Page): Promise<Scene> {
  return page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().scene);
}

/** The monitor head as the store holds it now. */
export async function storeMonitorHead(page: Page): Promise<HeadOrientation> {
  return page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().monitorHead);
}

/** Undo steps the store holds now. */
export async function undoSteps(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as StudioWindow).__studio!.store.getState().history.past.length);
}

/** The demo scene's source ids, in order (scenes/demo.json). */
export const DEMO_SOURCE_IDS = ['drums', 'bass', 'lead', 'guitar', 'pad', 'ambience', 'arp'] as const;
