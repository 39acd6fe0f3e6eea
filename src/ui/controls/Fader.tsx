import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';

export interface FaderProps {
  readonly testId: string;
  /** Accessible name ("Gain of Drums"). */
  readonly label: string;
  readonly read: (state: StudioState) => number | undefined;
  readonly onChange: (value: number) => void;
  readonly min: number;
  readonly max: number;
  /** Resolution of a drag (values snap to it). */
  readonly step?: number;
  /** Arrow-key step (Shift: ten times); PageUp/PageDown: ten steps. */
  readonly keyStep?: number;
  /** Double-click sets this value. */
  readonly resetValue?: number;
  /** Where the coloured fill starts (default `min`; 0 for a bipolar control such as yaw). */
  readonly origin?: number;
  /** Screen-reader text for a value ("-6.0 dB"). */
  readonly formatValue?: (value: number) => string;
  readonly className?: string;
  readonly title?: string;
}

/**
 * A horizontal fader (role "slider") bound to the store without re-rendering: the thumb
 * and aria-valuenow follow the store by subscription. Dragging is relative (a press never
 * makes the value jump; Shift drags ten times finer), and a drag is one undo gesture
 * (beginGesture on press, commitGesture on release). Arrow keys step; keys are consumed,
 * so they do not also nudge the selected source.
 */
export function Fader({
  testId,
  label,
  read,
  onChange,
  min,
  max,
  step = 0.1,
  keyStep = step * 10,
  resetValue,
  origin = min,
  formatValue = (v) => String(v),
  className = '',
  title,
}: FaderProps) {
  const store = useStudioStoreApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const thumbRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ pointerId: number; startX: number; startValue: number; widthPx: number } | null>(null);

  const clampValue = useCallback((value: number) => Math.min(max, Math.max(min, value)), [min, max]);
  const current = useCallback(() => clampValue(read(store.getState()) ?? min), [clampValue, read, store, min]);

  const show = useCallback(
    (state: StudioState) => {
      const root = rootRef.current;
      const thumb = thumbRef.current;
      const fill = fillRef.current;
      if (root === null || thumb === null || fill === null) return;
      const value = clampValue(read(state) ?? min);
      const fraction = (value - min) / (max - min);
      const originFraction = (clampValue(origin) - min) / (max - min);
      // The track is inset 6 px on each side; the thumb's centre travels along it.
      thumb.style.left = `calc(6px + ${fraction.toFixed(5)} * (100% - 12px))`;
      fill.style.left = `${(Math.min(fraction, originFraction) * 100).toFixed(3)}%`;
      fill.style.width = `${(Math.abs(fraction - originFraction) * 100).toFixed(3)}%`;
      const text = String(Math.round(value * 1000) / 1000);
      if (root.getAttribute('aria-valuenow') !== text) {
        root.setAttribute('aria-valuenow', text);
        root.setAttribute('aria-valuetext', formatValue(value));
      }
    },
    [read, min, max, origin, clampValue, formatValue],
  );

  useEffect(() => {
    show(store.getState());
    return store.subscribe(show);
  }, [store, show]);

  const set = (value: number): void => {
    const snapped = Math.round(value / step) * step;
    onChange(clampValue(Math.round(snapped * 1e6) / 1e6));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0 || drag.current !== null) return;
    event.preventDefault();
    const root = event.currentTarget;
    root.focus();
    root.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startValue: current(), widthPx: Math.max(1, root.clientWidth) };
    store.getState().beginGesture();
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null || d.pointerId !== event.pointerId) return;
    const scale = event.shiftKey ? 0.1 : 1;
    set(d.startValue + ((event.clientX - d.startX) / d.widthPx) * (max - min) * scale);
  };

  const endDrag = (event: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null || d.pointerId !== event.pointerId) return;
    drag.current = null;
    store.getState().commitGesture();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const big = event.shiftKey ? 10 : 1;
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = current() + keyStep * big;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = current() - keyStep * big;
    else if (event.key === 'PageUp') next = current() + keyStep * 10;
    else if (event.key === 'PageDown') next = current() - keyStep * 10;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    set(next);
  };

  return (
    <div
      ref={rootRef}
      className={`fader ${className}`}
      role="slider"
      tabIndex={0}
      data-testid={testId}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-orientation="horizontal"
      title={title}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={() => {
        if (resetValue !== undefined) onChange(resetValue);
      }}
    >
      <div className="fader-track">
        <div ref={fillRef} className="fader-fill" />
      </div>
      <div ref={thumbRef} className="fader-thumb" />
    </div>
  );
}
