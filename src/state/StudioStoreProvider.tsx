import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioState } from './studioState';
import type { StudioStore } from './studioStore';

const StudioStoreContext = createContext<StudioStore | null>(null);

export interface StudioStoreProviderProps {
  readonly store: StudioStore;
  readonly children?: ReactNode;
}

/** Gives the components below one studio store (made by createStudioStore). */
export function StudioStoreProvider({ store, children }: StudioStoreProviderProps) {
  return <StudioStoreContext.Provider value={store}>{children}</StudioStoreContext.Provider>;
}

/** The store itself, for getState() in event handlers and loops, and subscribe() for transient updates. */
export function useStudioStoreApi(): StudioStore {
  const store = useContext(StudioStoreContext);
  if (store === null) throw new Error('useStudioStore: no StudioStoreProvider above this component');
  return store;
}

/**
 * Selects from the store and re-renders when the selection changes (Object.is). Select
 * primitives or stable objects; wrap a selector that builds objects in zustand's useShallow.
 */
export function useStudioStore<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioStoreApi(), selector);
}
