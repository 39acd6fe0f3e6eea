import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Scene } from '../core/scene/scene';
import type { AudioEngine } from '../engine/audioEngine';
import { createEngineReloader } from './engineReloader';
import { createEngineSlice } from './slices/engineSlice';
import { DEFAULT_HISTORY_DEPTH, createHistorySlice } from './slices/historySlice';
import { createMetersSlice } from './slices/metersSlice';
import { createMonitorHeadSlice } from './slices/monitorHeadSlice';
import { createMonitorSlice } from './slices/monitorSlice';
import { createMonoCheckSlice } from './slices/monoCheckSlice';
import { createDeliveryCheckSlice } from './slices/deliveryCheckSlice';
import { createNoticeSlice } from './slices/noticeSlice';
import { EMPTY_SCENE, createSceneSlice } from './slices/sceneSlice';
import { createSelectionSlice } from './slices/selectionSlice';
import { createSessionLibrarySlice } from './slices/sessionLibrarySlice';
import { createSessionSlice } from './slices/sessionSlice';
import { newSessionId } from './autosave/sessionIds';
import { createStemsSlice } from './slices/stemsSlice';
import type { EngineReloader } from './engineReloader';
import type { StudioContext } from './studioContext';
import type { StudioState } from './studioState';
import { stageGainsInputsChanged, stageSpeakerGains } from './stageSpeakerGains';
import { createTransportSlice, receiveMeters, receivePlayhead } from './slices/transportSlice';

export type StudioStore = StoreApi<StudioState>;

const DEFAULT_SCENE_NAME = 'scene';

export interface StudioStoreDeps {
  /** The sound; null runs the studio silently (tests, browsers without Web Audio). */
  readonly engine: AudioEngine | null;
  /** The scene to start with (default: no sources). */
  readonly scene?: Scene;
  /** Channel counts of stems already known, by source id. */
  readonly stemChannels?: Readonly<Record<string, number>>;
  /** Undo steps kept (default 200). */
  readonly historyDepth?: number;
  /** The session's stem files by file name (see StudioContext.stemFiles); default a new, empty map. */
  readonly stemFiles?: Map<string, Blob>;
  /** The scene's name (see SessionSlice.sceneName); default "scene". */
  readonly sceneName?: string;
  /** The session's id in the session storage (see SessionSlice.sessionId); default a new one. */
  readonly sessionId?: string;
  /** What newSession() loads (default: the starting scene). */
  readonly demoScene?: Scene;
  /** Milliseconds clock for the transport's settle time (default performance.now). */
  readonly nowMs?: () => number;
}

/**
 * Builds one studio store (zustand, framework-free; React reaches it through
 * StudioStoreProvider). Each call gives a fresh, independent store: no module singletons.
 * With an engine, the store subscribes to its status, playhead and meters, sends it the
 * initial monitor settings, and loads the scene into it (then re-sends every parameter it
 * controls) whenever the engine becomes ready.
 */
export function createStudioStore(deps: StudioStoreDeps): StudioStore {
  const scene = deps.scene ?? EMPTY_SCENE;
  // Made with the store (it reads and sets the store's state); sources added before then have nothing to add to.
  let reloader: EngineReloader | null = null;
  const context: StudioContext = {
    engine: deps.engine,
    stemFiles: deps.stemFiles ?? new Map(),
    demoScene: deps.demoScene ?? scene,
    historyDepth: Math.max(1, Math.floor(deps.historyDepth ?? DEFAULT_HISTORY_DEPTH)),
    addSourcesToEngine: (sourceIds) => void reloader?.addSources(sourceIds),
    reloadEngine: () => void store.getState().reloadEngine(),
    nowMs: deps.nowMs ?? (() => performance.now()),
    transportCommand: { atMs: Number.NEGATIVE_INFINITY },
  };
  const store = createStore<StudioState>()((set, get) => {
    const engineReloader = createEngineReloader(set, get, context);
    reloader = engineReloader;
    return {
      ...createSceneSlice(set, get, context, { scene, stemChannels: deps.stemChannels ?? {} }),
      ...createSelectionSlice(set, get),
      ...createTransportSlice(set, get, context),
      ...createMonitorSlice(set, get, context),
      ...createMonitorHeadSlice(set, get, context),
      ...createMetersSlice(set, get, context),
      ...createMonoCheckSlice(set, get, context, engineReloader),
      ...createDeliveryCheckSlice(set, get, context, engineReloader),
      ...createHistorySlice(set, get, context),
      ...createEngineSlice(set, get, context, engineReloader),
      ...createStemsSlice(set, get, context, engineReloader, scene),
      ...createSessionSlice(set, get, context, { sessionId: deps.sessionId ?? newSessionId(), sceneName: deps.sceneName ?? DEFAULT_SCENE_NAME }),
      ...createSessionLibrarySlice(set, get),
      ...createNoticeSlice(set, get),
      detachEngine() {
        for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
      },
    };
  });

  const subscriptions: (() => void)[] = [];
  const { engine } = deps;
  if (engine !== null) {
    const { setState: set, getState: get } = store;
    subscriptions.push(
      engine.onStatus((status, message) => {
        const wasReady = get().engineStatus === 'ready';
        set({ engineStatus: status, engineMessage: message ?? null });
        // A new audio graph has no renderer yet: load the scene into it (then every parameter is re-sent).
        if (status === 'ready' && !wasReady) {
          // The device is known now: a layout chosen or restored before audio started is checked against it.
          get().checkMonitorDevice();
          void get().reloadEngine();
        }
      }),
      engine.onPlayhead((frame) => receivePlayhead(set, get, context, frame)),
      engine.onMeters((frame) => receiveMeters(get, frame)),
    );
    engine.setMonitor(get().monitor);
    subscriptions.push(
      store.subscribe((state, previous) => {
        if (stageGainsInputsChanged(state, previous)) set({ stageGains: stageSpeakerGains(state, engine) });
      }),
    );
  }
  return store;
}

