import { createContext, useCallback, useContext, useRef } from 'react';
import type { DeclutterOptions, LabelAnchor, StageLabelRegistry } from './stageLabels';

export const StageLabelContext = createContext<StageLabelRegistry | null>(null);

/**
 * A ref callback that registers the element as a stage label at `anchor` (read each frame,
 * so it may follow the store). The anchor may change between renders without re-registering.
 * With `priority`, the label takes part in the declutter pass (stageLabels.ts).
 */
export function useStageLabel(anchor: LabelAnchor, priority?: () => number): (element: HTMLElement | null) => void {
  const registry = useContext(StageLabelContext);
  const anchorRef = useRef(anchor);
  anchorRef.current = anchor;
  const priorityRef = useRef(priority);
  priorityRef.current = priority;
  const declutter = priority !== undefined;
  const unregister = useRef<(() => void) | null>(null);
  return useCallback(
    (element: HTMLElement | null) => {
      unregister.current?.();
      unregister.current = null;
      if (element !== null && registry !== null) {
        const options = declutter ? { priority: () => priorityRef.current?.() ?? 0 } : undefined;
        unregister.current = registry.register(element, () => anchorRef.current(), options);
      }
    },
    [registry, declutter],
  );
}
