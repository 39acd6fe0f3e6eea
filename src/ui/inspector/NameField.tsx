import { useState } from 'react';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';

export interface NameFieldProps {
  readonly sourceId: string;
  readonly name: string;
}

/** The source's name: edited freely, committed on Enter or blur (trimmed; empty reverts). */
export function NameField({ sourceId, name }: NameFieldProps) {
  const store = useStudioStoreApi();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (): void => {
    if (draft !== null) store.getState().rename(sourceId, draft);
    setDraft(null);
  };
  return (
    <label className="field name-field">
      <span className="field-label">Name</span>
      <input
        className="field-input name-input"
        data-testid="inspector-name"
        aria-label="Source name"
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={draft ?? name}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            commit();
            event.currentTarget.blur();
          } else if (event.key === 'Escape') {
            setDraft(null);
            event.currentTarget.blur();
          }
        }}
      />
    </label>
  );
}
