import type { EngineSlice } from './engineSlice';
import type { HistorySlice } from './historySlice';
import type { MetersSlice } from './metersSlice';
import type { MonitorHeadSlice } from './monitorHeadSlice';
import type { MonitorSlice } from './monitorSlice';
import type { MonoCheckSlice } from './monoCheckSlice';
import type { NoticeSlice } from './noticeSlice';
import type { SceneSlice } from './sceneSlice';
import type { SelectionSlice } from './selectionSlice';
import type { SessionSlice } from './sessionSlice';
import type { StemsSlice } from './stemsSlice';
import type { TransportSlice } from './transportSlice';

/** The whole studio store: the slices side by side (data and the actions that change it). */
export type StudioState = SceneSlice &
  SelectionSlice &
  TransportSlice &
  MonitorSlice &
  MonitorHeadSlice &
  MetersSlice &
  MonoCheckSlice &
  HistorySlice &
  EngineSlice &
  StemsSlice &
  SessionSlice &
  NoticeSlice &
  StoreLifecycle;

export interface StoreLifecycle {
  /** Unsubscribes from the engine (the engine itself is not disposed: its owner does that). */
  detachEngine(): void;
}
