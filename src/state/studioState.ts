import type { DeliveryCheckSlice } from './slices/deliveryCheckSlice';
import type { EngineSlice } from './slices/engineSlice';
import type { HistorySlice } from './slices/historySlice';
import type { MetersSlice } from './slices/metersSlice';
import type { MonitorHeadSlice } from './slices/monitorHeadSlice';
import type { MonitorSlice } from './slices/monitorSlice';
import type { MonoCheckSlice } from './slices/monoCheckSlice';
import type { NoticeSlice } from './slices/noticeSlice';
import type { SceneSlice } from './slices/sceneSlice';
import type { SelectionSlice } from './slices/selectionSlice';
import type { SessionLibrarySlice } from './slices/sessionLibrarySlice';
import type { SessionSlice } from './slices/sessionSlice';
import type { StemsSlice } from './slices/stemsSlice';
import type { TransportSlice } from './slices/transportSlice';

/** The whole studio store: the slices side by side (data and the actions that change it). */
export type StudioState = SceneSlice &
  SelectionSlice &
  TransportSlice &
  MonitorSlice &
  MonitorHeadSlice &
  MetersSlice &
  MonoCheckSlice &
  DeliveryCheckSlice &
  HistorySlice &
  EngineSlice &
  StemsSlice &
  SessionSlice &
  SessionLibrarySlice &
  NoticeSlice &
  StoreLifecycle;

export interface StoreLifecycle {
  /** Unsubscribes from the engine (the engine itself is not disposed: its owner does that). */
  detachEngine(): void;
}
