import { useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { StudioState } from '../../state/studioState';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import type { FaderTaper } from './faderTaper';

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
  /** Where each value sits along the travel (default: linear from min to max; gain faders use GAIN_FADER_TAPER). */
  readonly taper?: Pick<FaderTaper, 'toFraction' | 'toValue'>;
  readonly className?: string;
  readonly title?: string;
}

/** The track is inset this far on each side; the thumb's centre travels between the insets. */
const TRACK_INSET_PX = 6;
/** Shift makes a drag this much finer (and its values snap to a tenth of the step). */
const FINE_DRAG_SCALE = 0.1;

/**
 * A horizontal fader (role "slider") bound to the store without re-rendering: the thumb
 * and aria-valuenow follow the store by subscription. Dragging is relative and moves along
 * the taper (a press never makes the value jump; Shift drags ten times finer), and a drag
 * is one undo gesture (beginGesture on press, commitGesture on release). Double-click
 * sets resetValue. Arrow keys step; keys are consumed, so they do not also nudge the
 * selected source.
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
  taper,
  className = '',
  title,
}: FaderProps) {
  const store = useStudioStoreApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const thumbRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  /** A drag in progress: the travel fraction so far (unsnapped) and the pointer's last x, so pressing or releasing Shift mid-drag never jumps. */
  const drag = useRef<{ pointerId: number; lastX: number; fraction: number; travelPx: number } | null>(null);

  const clampValue = useCallback((value: number) => Math.min(max, Math.max(min, value)), [min, max]);
  const toFraction = useCallback((value: number) => (taper === undefined ? (value - min) / (max - min) : taper.toFraction(value)), [taper, min, max]);
  const toValue = useCallback((fraction: number) => (taper === undefined ? min + fraction * (max - min) : taper.toValue(fraction)), [taper, min, max]);
  const current = useCallback(() => clampValue(read(store.getState()) ?? min), [clampValue, read, store, min]);

  const show = useCallback(
    (state: StudioState) => {
      const root = rootRef.current;
      const thumb = thumbRef.current;
      const fill = fillRef.current;
      if (root === null || thumb === null || fill === null) return;
      const value = clampValue(read(state) ?? min);
      const fraction = toFraction(value);
      const originFraction = toFraction(clampValue(origin));
      thumb.style.left = `calc(${TRACK_INSET_PX}px + ${fraction.toFixed(5)} * (100% - ${2 * TRACK_INSET_PX}px))`;
      fill.style.left = `${(Math.min(fraction, originFraction) * 100).toFixed(3)}%`;
      fill.style.width = `${(Math.abs(fraction - originFraction) * 100).toFixed(3)}%`;
      const text = String(Math.round(value * 1000) / 1000);
      if (root.getAttribute('aria-valuenow') !== text) {
        root.setAttribute('aria-valuenow', text);
        root.setAttribute('aria-valuetext', formatValue(value));
      }
    },
    [read, min, origin, clampValue, toFraction, formatValue],
  );

  useEffect(() => {
    show(store.getState());
    return store.subscribe(show);
  }, [store, show]);

  const set = (value: number, snapStep = step): void => {
    const snapped = Math.round(value / snapStep) * snapStep;
    onChange(clampValue(Math.round(snapped * 1e6) / 1e6));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0 || drag.current !== null) return;
    event.preventDefault();
    const root = event.currentTarget;
    root.focus();
    root.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, lastX: event.clientX, fraction: toFraction(current()), travelPx: Math.max(1, root.clientWidth - 2 * TRACK_INSET_PX) };
    store.getState().beginGesture();
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null || d.pointerId !== event.pointerId) return;
    const scale = event.shiftKey ? FINE_DRAG_SCALE : 1;
    d.fraction = Math.min(1, Math.max(0, d.fraction + ((event.clientX - d.lastX) / d.travelPx) * scale));
    d.lastX = event.clientX;
    set(toValue(d.fraction), step * scale);
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
