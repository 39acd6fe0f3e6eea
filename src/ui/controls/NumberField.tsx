import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { checkTypedValue } from './typedRange';
import type { TypedRange } from './typedRange';

export interface NumberFieldProps {
  readonly testId: string;
  readonly label: string;
  /** Shown after the field ("dB", "°", "m"). */
  readonly unit?: string;
  /** Reads the value from the store; undefined shows an empty field. */
  readonly read: (state: StudioState) => number | undefined;
  /** Called with a typed value (Enter or leaving the field) or a stepped one (Up/Down arrows). */
  readonly onCommit: (value: number) => void;
  readonly decimals?: number;
  /** Up/Down arrow step; Shift multiplies by 10. */
  readonly step?: number;
  readonly title?: string;
  readonly disabled?: boolean;
  /** Keeps the label for screen readers only (the context names the field). */
  readonly hideLabel?: boolean;
  /** Values a person may type: one outside is refused with a message naming the range (arrow steps stop at its ends). */
  readonly range?: TypedRange;
}

/** How long a refused value's message stays (it also goes with the next edit). */
const REFUSAL_SHOWN_MS = 6000;

/**
 * A numeric field that follows the store without re-rendering: it subscribes to the store
 * and writes the input's text directly, so a value dragged on the stage shows here at once
 * (and costs no React render per pointer move). While the user types, the store does not
 * overwrite the text; Enter or blur commits, Escape reverts. A typed value outside `range`
 * is refused, not clamped: the field shows the stored value again and a message names the
 * range.
 */
export function NumberField({ testId, label, unit = '', read, onCommit, decimals = 1, step = 1, title, disabled = false, hideLabel = false, range }: NumberFieldProps) {
  const store = useStudioStoreApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const editing = useRef(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (refusal === null) return;
    const timer = window.setTimeout(() => setRefusal(null), REFUSAL_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [refusal]);

  const show = useCallback(
    (state: StudioState) => {
      const input = inputRef.current;
      if (input === null || editing.current) return;
      const value = read(state);
      const text = value === undefined ? '' : value.toFixed(decimals);
      if (input.value !== text) input.value = text;
    },
    [read, decimals],
  );

  useEffect(() => {
    show(store.getState());
    return store.subscribe(show);
  }, [store, show]);

  const commitText = (): void => {
    const input = inputRef.current;
    if (input === null) return;
    const value = parseNumber(input.value);
    editing.current = false;
    if (value !== null) {
      const checked = range === undefined ? { ok: true as const, value } : checkTypedValue(value, range, label, unit);
      if (checked.ok) onCommit(checked.value);
      setRefusal(checked.ok ? null : checked.message);
    }
    show(store.getState());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitText();
      event.currentTarget.select();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      editing.current = false;
      setRefusal(null);
      show(store.getState());
      event.currentTarget.blur();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const current = editing.current ? parseNumber(event.currentTarget.value) : read(store.getState());
      if (current === null || current === undefined) return;
      const delta = (event.key === 'ArrowUp' ? step : -step) * (event.shiftKey ? 10 : 1);
      const next = Math.round((current + delta) * 1e9) / 1e9;
      editing.current = false;
      setRefusal(null);
      onCommit(range === undefined ? next : Math.min(range.max, Math.max(range.min, next)));
      show(store.getState());
    }
  };

  return (
    <label className="field" title={title}>
      <span className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</span>
      <span className="field-box">
        <input
          ref={inputRef}
          className="field-input"
          data-testid={testId}
          aria-label={unit === '' ? label : `${label} (${unit})`}
          aria-invalid={refusal === null ? undefined : true}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          onChange={() => {
            editing.current = true;
            setRefusal(null);
          }}
          onBlur={() => {
            if (editing.current) commitText();
          }}
          onFocus={(event) => event.currentTarget.select()}
          onKeyDown={onKeyDown}
        />
        {unit !== '' && <span className="field-unit">{unit}</span>}
      </span>
      {refusal !== null && (
        <span className="field-refusal" role="alert" data-testid={`${testId}-refusal`}>
          {refusal}
        </span>
      )}
    </label>
  );
}

/** A typed number: accepts "+12", "-3.5", "2,5" (decimal comma); null for anything else. */
function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(',', '.').replace(/[°a-zA-Z\s]+$/u, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
