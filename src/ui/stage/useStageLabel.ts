import { createContext, useCallback, useContext, useRef } from 'react';
import type { LabelAnchor, StageLabelRegistry } from './stageLabels';

export const StageLabelContext = createContext<StageLabelRegistry | null>(null);

/**
 * A ref callback that registers the element as a stage label at `anchor` (read each frame,
 * so it may follow the store). The anchor may change between renders without re-registering.
 */
export function useStageLabel(anchor: LabelAnchor): (element: HTMLElement | null) => void {
  const registry = useContext(StageLabelContext);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  const unregister = useRef<(() => void) | null>(null);
  return useCallback(
    (element: HTMLElement | null) => {
      unregister.current?.();
      unregister.current = null;
      if (element !== null && registry !== null) {
        unregister.current = registry.register(element, () => anchorRef.current());
      }
    },
    [registry],
  );
}
