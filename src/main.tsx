/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PolarPosition } from './core/coordinates';
import type { Scene } from './core/scene/scene';
import { parseSceneValue } from './core/scene/sceneParse';
import type { AudioEngine } from './engine/audioEngine';
import type { StudioSession } from './state/autosave/autosaveRecord';
import { startAutosave } from './state/autosave/autosaver';
import type { AutosaveStorage } from './state/autosave/autosaveStorage';
import { flushOnPageHide } from './state/autosave/flushOnPageHide';
import { createIndexedDbAutosave } from './state/autosave/indexedDbAutosave';
import { errorText, restoreAutosavedSession } from './state/autosave/restoreSession';
import { PLACEHOLDER_SCENE, PLACEHOLDER_STEM_CHANNELS } from './state/placeholderScene';
import { DEMO_SCENE_NAME } from './state/slices/sessionSlice';
import { createStudioStore } from './state/studioStore';
import type { StudioStore } from './state/studioStore';
import { StudioStoreProvider } from './state/StudioStoreProvider';
import { App } from './ui/App';
import type { Vec3 } from './core/threeAxes';
import type { StageExtent } from './ui/stage/stageExtent';
import type { ScreenPoint, StageProbe } from './ui/stage/stageProbe';
import './ui/styles.css';

/**
 * Test hooks for browser tests, on `window.__studio` (installed once the starting session
 * is in the store; wait for it, then await ready()):
 *   store                      the studio store (getState() / subscribe() / actions)
 *   engine                     the AudioEngine, or null without audio (`?engine=none`, no Web Audio)
 *   stemFiles                  the session's stem files by file name (Map<string, Blob>): what
 *                              dropped, picked and relinked files became, and what autosave keeps
 *   ready()                    resolves once the starting session (the one open last, else the
 *                              demo) is in the store and, with an engine, loaded into it
 *   flushAutosave()            writes a pending autosave now (it otherwise waits ~300 ms after
 *                              the last change, or for pagehide); resolves when written
 *   stageReady()               true once the 3D stage is up and can be probed
 *   sourceScreenPosition(id)   viewport CSS pixels of a source's centre on the stage, or null
 *   positionScreenPosition(p)  viewport CSS pixels of an ADM position {azimuthDeg, elevationDeg, distanceM}
 *   sourceDrawnPosition(id)    the three.js position the stage draws a source at now (a moving one where its timeline has it)
 *   speakerDrawnPosition(l)    the three.js position the stage draws the monitored loudspeaker labelled l at
 *   drawnExtent()              the selected source's extent as drawn (ui/stage/stageExtent.ts), or null
 *   drawnRoomBox()             the room box of Cartesian objects as drawn (three.js min and max corners), or null
 * A test drags a source with page.mouse from sourceScreenPosition(id) to
 * positionScreenPosition(target) (same elevation: a plain drag keeps the source's elevation angle)
 * and reads the result from store.getState(). Open the page with `?engine=none` to run
 * the studio without audio. Sessions are stored in IndexedDB (database
 * "spatial-mix-studio", see DESIGN.md section 6); a fresh browser profile starts from the demo.
 */
export interface StudioTestHooks {
  readonly store: StudioStore;
  readonly engine: AudioEngine | null;
  readonly stemFiles: Map<string, Blob>;
  ready(): Promise<void>;
  flushAutosave(): Promise<void>;
  stageReady(): boolean;
  sourceScreenPosition(sourceId: string): ScreenPoint | null;
  positionScreenPosition(position: PolarPosition): ScreenPoint | null;
  sourceDrawnPosition(sourceId: string): Vec3 | null;
  speakerDrawnPosition(label: string): Vec3 | null;
  drawnExtent(): StageExtent | null;
  drawnRoomBox(): { readonly min: Vec3; readonly max: Vec3 } | null;
}

declare global {
  interface Window {
    __studio?: StudioTestHooks;
  }
}

/** The demo scene from scenes/demo.json when present and valid, else the placeholder (placeholderScene.ts). */
function demoScene(): { scene: Scene; stemChannels: Readonly<Record<string, number>> } {
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

/** The browser's autosave storage, or null where IndexedDB is unavailable (some private modes). */
function autosaveStorage(): AutosaveStorage | null {
  return typeof indexedDB === 'undefined' ? null : createIndexedDbAutosave(indexedDB);
}

/** What the studio starts with: the session open last, else the demo (saying why when the stored one was unreadable). */
async function startingSession(storage: AutosaveStorage | null): Promise<{ restored: { sessionId: string; session: StudioSession } | null; problem: string | null }> {
  if (storage === null) return { restored: null, problem: null };
  const result = await restoreAutosavedSession(storage);
  if (result.kind === 'restored') return { restored: { sessionId: result.sessionId, session: result.session }, problem: null };
  if (result.kind === 'none') return { restored: null, problem: null };
  console.warn('The autosaved session could not be restored:', result.message);
  return { restored: null, problem: `The last session could not be restored, so the demo was opened instead (the stored session is kept): ${result.message}` };
}

async function start(): Promise<void> {
  const storage = autosaveStorage();
  const [engine, { restored, problem }] = await Promise.all([createEngine(), startingSession(storage)]);
  const demo = demoScene();
  const session = restored?.session;
  const stemFiles = new Map<string, Blob>(session?.stemFiles ?? []);
  const store = createStudioStore({
    engine,
    scene: session?.scene ?? demo.scene,
    stemChannels: session === undefined ? demo.stemChannels : {},
    sceneName: session?.sceneName ?? DEMO_SCENE_NAME,
    ...(restored === null ? {} : { sessionId: restored.sessionId }),
    demoScene: demo.scene,
    stemFiles,
  });
  if (session?.view !== undefined) store.getState().loadView(session.view);
  if (problem !== null) store.getState().showError(problem);
  const loaded = store.getState().reloadEngine();

  const autosaver =
    storage === null
      ? null
      : startAutosave(store, storage, {
          onStatus: (status) => store.getState().setSaveState(status),
          onError: (error) => {
            console.error('Autosave failed:', error);
            store.getState().setSaveState('failed', errorText(error));
          },
        });
  if (storage !== null && autosaver !== null) {
    flushOnPageHide(autosaver, window);
    void store.getState().connectSessionStorage(storage, autosaver);
  }

  let probe: StageProbe | null = null;
  window.__studio = {
    store,
    engine,
    stemFiles,
    ready: () => loaded,
    flushAutosave: () => autosaver?.flush() ?? Promise.resolve(),
    stageReady: () => probe !== null,
    sourceScreenPosition: (sourceId) => probe?.sourceScreenPosition(sourceId) ?? null,
    positionScreenPosition: (position) => probe?.positionScreenPosition(position) ?? null,
    sourceDrawnPosition: (sourceId) => probe?.sourceDrawnPosition(sourceId) ?? null,
    speakerDrawnPosition: (label) => probe?.speakerDrawnPosition(label) ?? null,
    drawnExtent: () => probe?.drawnExtent() ?? null,
    drawnRoomBox: () => probe?.drawnRoomBox() ?? null,
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

void start();
