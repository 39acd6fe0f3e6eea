export { createStudioStore } from './studioStore';
export type { StudioStore, StudioStoreDeps } from './studioStore';
export type { StudioState } from './studioState';
export { StudioStoreProvider, useStudioStore, useStudioStoreApi } from './StudioStoreProvider';
export type { PositionPatch } from './sceneEdits';
export type { LiveValues, LoopState, TransportState } from './transportSlice';
export type { HistoryState } from './historySlice';
export type { StudioEngineStatus } from './engineSlice';
export type { SourceSetChange } from './studioContext';
