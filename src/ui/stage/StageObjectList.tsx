import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findSource } from '../../state/sceneEdits';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { describeStagePosition, stageObjectKeyDelta } from './stageObjectKeys';

/**
 * The stage's sources for the keyboard: one button per source, in the scene's order, each
 * a tab stop. Focusing one selects it (the stage shows it selected); the arrow keys and
 * PageUp/PageDown move it (stageObjectKeys.ts), and a live region says where it is now.
 * The list shows over the stage's corner while it has the focus, and is hidden otherwise.
 */
export function StageObjectList() {
  const store = useStudioStoreApi();
  const sources = useStudioStore(useShallow((s) => s.scene.sources.map((source) => `${source.id}\u0000${source.name}`)));
  const [announcement, setAnnouncement] = useState('');

  const announce = (sourceId: string): void => {
    const source = findSource(store.getState().scene, sourceId);
    if (source !== undefined) setAnnouncement(describeStagePosition(source.name, source.position));
  };

  const onKeyDown = (sourceId: string, event: KeyboardEvent<HTMLButtonElement>): void => {
    const delta = stageObjectKeyDelta(event);
    if (delta === null) return;
    event.preventDefault();
    event.stopPropagation();
    store.getState().nudgeSource(sourceId, delta);
    announce(sourceId);
  };

  return (
    <div className="stage-object-list" role="group" aria-label="Sources on the stage: arrow keys turn the focused one, Page Up and Page Down move it out and in">
      <ul>
        {sources.map((entry) => {
          const [id = '', name = ''] = entry.split('\u0000');
          return (
            <li key={id}>
              <button
                type="button"
                className="stage-object"
                data-testid={`stage-object-${id}`}
                aria-label={`${name} on the stage`}
                onFocus={() => {
                  store.getState().selectSource(id);
                  announce(id);
                }}
                onKeyDown={(event) => onKeyDown(id, event)}
              >
                {name}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="stage-object-status">
        {announcement}
      </p>
    </div>
  );
}
