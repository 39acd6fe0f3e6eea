/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PolarPosition } from './core/coordinates';
import type { Scene } from './core/scene';
import { parseSceneValue } from './core/sceneParse';
import type { AudioEngine, StemFiles } from './engine/audioEngine';
import { PLACEHOLDER_SCENE, PLACEHOLDER_STEM_CHANNELS } from './state/placeholderScene';
import { createStudioStore } from './state/studioStore';
import type { StudioStore } from './state/studioStore';
import { StudioStoreProvider } from './state/StudioStoreProvider';
import { App } from './ui/App';
import type { ScreenPoint, StageProbe } from './ui/stage/stageProbe';
import './ui/styles.css';

/**
 * Test hooks for browser tests, on `window.__studio` (always installed):
 *   store                      the studio store (getState() / subscribe() / actions)
 *   stageReady()               true once the 3D stage is up and can be probed
 *   sourceScreenPosition(id)   viewport CSS pixels of a source's centre on the stage, or null
 *   positionScreenPosition(p)  viewport CSS pixels of an ADM position {azimuthDeg, elevationDeg, distanceM}
 * A test drags a source with page.mouse from sourceScreenPosition(id) to
 * positionScreenPosition(target) (same height: a plain drag keeps the source's height)
 * and reads the result from store.getState(). Open the page with `?engine=none` to run
 * the studio without audio.
 */
export interface StudioTestHooks {
  readonly store: StudioStore;
  stageReady(): boolean;
  sourceScreenPosition(sourceId: string): ScreenPoint | null;
  positionScreenPosition(position: PolarPosition): ScreenPoint | null;
}

declare global {
  interface Window {
    __studio?: StudioTestHooks;
  }
}

/** The demo scene from scenes/demo.json when present and valid, else the placeholder (placeholderScene.ts). */
function initialScene(): { scene: Scene; stemChannels: Readonly<Record<string, number>> } {
  const modules = import.meta.glob<unknown>('../scenes/demo.json', { eager: true, import: 'default' });
  const json = modules['../scenes/demo.json'];
  if (json !== undefined) {
    try {
      return { scene: parseSceneValue(json, 'scenes/demo.json').scene, stemChannels: {} };
    } catch (error) {
      console.error(error);
    }
  }
  return { scene: PLACEHOLDER_SCENE, stemChannels: PLACEHOLDER_STEM_CHANNELS };
}

/** The Web Audio engine, or null (no Web Audio, `?engine=none`, or the engine failed to load): the studio then runs silently. */
async function createEngine(): Promise<AudioEngine | null> {
  if (new URLSearchParams(window.location.search).get('engine') === 'none') return null;
  if (typeof AudioContext === 'undefined' || typeof AudioWorkletNode === 'undefined') return null;
  try {
    const { createWebAudioEngine } = await import('./engine/webAudioEngine');
    return createWebAudioEngine();
  } catch (error) {
    console.error('The audio engine could not be created; running without audio.', error);
    return null;
  }
}

/**
 * Stem files the user gave, by file name. Empty until file I/O fills it (drop, open, relink);
 * generator stems need none.
 */
const stemFiles: Map<string, Blob> = new Map();

/**
 * Loads the store's current scene into the engine, one load at a time (a later request
 * waits for the earlier one, then loads the scene as it is then), and records the stems'
 * channel counts and the session length.
 */
function createEngineLoader(engine: AudioEngine, getStore: () => StudioStore, files: StemFiles): () => void {
  let chain: Promise<void> = Promise.resolve();
  return () => {
    chain = chain.then(async () => {
      const store = getStore();
      try {
        const report = await engine.loadScene(store.getState().scene, files);
        const state = store.getState();
        state.setStemChannels(report.stemChannels);
        state.setDurationSec(report.lengthSec);
        state.resyncEngine();
        for (const { sourceId, file } of report.missing) console.warn(`Stem file not found for source "${sourceId}": ${file}`);
        for (const { sourceId, message } of report.failed) console.warn(`Stem of source "${sourceId}" could not be read: ${message}`);
      } catch (error) {
        console.error('The scene could not be loaded into the audio engine.', error);
      }
    });
  };
}

function mount(engine: AudioEngine | null): void {
  const { scene, stemChannels } = initialScene();
  const reload = engine === null ? null : createEngineLoader(engine, () => store, stemFiles);
  const store = createStudioStore({
    engine,
    scene,
    stemChannels,
    ...(reload === null ? {} : { onSourceSetChanged: reload }),
  });
  reload?.();

  let probe: StageProbe | null = null;
  window.__studio = {
    store,
    stageReady: () => probe !== null,
    sourceScreenPosition: (sourceId) => probe?.sourceScreenPosition(sourceId) ?? null,
    positionScreenPosition: (position) => probe?.positionScreenPosition(position) ?? null,
  };
  const onStageProbe = (next: StageProbe | null): void => {
    probe = next;
  };

  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <StudioStoreProvider store={store}>
        <App onStageProbe={onStageProbe} />
      </StudioStoreProvider>
    </StrictMode>,
  );
}

void createEngine().then(mount);
