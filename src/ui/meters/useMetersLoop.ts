import { useEffect } from 'react';
import type { RefObject } from 'react';
import { distanceToTarget, getLoudnessTarget } from '../../core/loudnessTargets';
import type { LoudnessTargetId } from '../../core/loudnessTargets';
import type { AudioEngine, LiveMeters } from '../../engine/audioEngine';
import { formatCorrelation } from '../format';
import { drawCorrelationHistory, drawGoniometerGuides, drawGoniometerPoints, drawMultiband, prepareCanvas, readMeterColors } from './meterCanvas';
import type { MeterColors } from './meterCanvas';
import { correlationFraction, createHistoryRing, formatLevel, formatSigned, pushHistory } from './meterReadout';
import type { HistoryRing } from './meterReadout';

/** About 10 s of correlation history at the meters' ~31 updates per second. */
const HISTORY_UPDATES = 320;

/** The panel's elements the loop writes to, found by data attributes under the root. */
interface MeterTargets {
  readonly readouts: ReadonlyMap<string, HTMLElement>;
  readonly needle: HTMLElement | null;
  readonly history: HTMLCanvasElement | null;
  readonly multiband: HTMLCanvasElement | null;
  readonly goniometer: HTMLCanvasElement | null;
  readonly goniometerGuides: HTMLCanvasElement | null;
}

function findTargets(root: HTMLElement): MeterTargets {
  const readouts = new Map<string, HTMLElement>();
  root.querySelectorAll<HTMLElement>('[data-readout]').forEach((element) => readouts.set(element.dataset['readout']!, element));
  const canvas = (name: string): HTMLCanvasElement | null => root.querySelector<HTMLCanvasElement>(`canvas[data-canvas="${name}"]`);
  return {
    readouts,
    needle: root.querySelector<HTMLElement>('[data-needle]'),
    history: canvas('history'),
    multiband: canvas('multiband'),
    goniometer: canvas('goniometer'),
    goniometerGuides: canvas('goniometer-guides'),
  };
}

/**
 * The meter panel's one animation-frame loop: reads the engine's live meters (shared
 * memory, no messages) and writes text, the correlation needle and the canvases directly,
 * so React renders only when a setting changes. Text is written only when it changes; the
 * correlation history and the multiband bars move on new meter updates only (they hold
 * while paused); the goniometer fades every frame. `target` is read each update, so
 * choosing another loudness target needs no restart of the loop.
 */
export function useMetersLoop(root: RefObject<HTMLElement | null>, engine: AudioEngine | null, target: RefObject<LoudnessTargetId>): void {
  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    const targets = findTargets(element);
    const colors = readMeterColors(element);
    const written = new Map<HTMLElement, string>();
    const write = (key: string, text: string, state?: string): void => {
      const el = targets.readouts.get(key);
      if (el === undefined) return;
      if (written.get(el) !== text) {
        el.textContent = text;
        written.set(el, text);
      }
      if (state !== undefined && el.dataset['state'] !== state) el.dataset['state'] = state;
    };
    const history = createHistoryRing(HISTORY_UPDATES);
    const guides = targets.goniometerGuides === null ? null : prepareCanvas(targets.goniometerGuides);
    if (guides !== null && targets.goniometerGuides !== null) drawGoniometerGuides(guides, targets.goniometerGuides.clientWidth, colors);
    let lastSequence = -1;
    let lastCursor: number | null = null;
    let frame = 0;
    const tick = (): void => {
      frame = requestAnimationFrame(tick);
      const meters = engine?.readMeters() ?? null;
      if (meters !== null && meters.sequence !== lastSequence) {
        lastSequence = meters.sequence;
        if (meters.playing) pushHistory(history, meters.correlation);
        writeReadings(meters, write, target.current);
        moveNeedle(targets.needle, meters.correlation);
        drawCanvases(targets, meters, history, colors);
      }
      const goniometer = engine?.readGoniometer() ?? null;
      const canvas = targets.goniometer;
      if (goniometer !== null && canvas !== null) {
        const ctx = canvas.getContext('2d');
        if (lastCursor === null) {
          prepareCanvas(canvas);
          lastCursor = Atomics.load(goniometer.cursor, 0);
        }
        if (ctx !== null) lastCursor = drawGoniometerPoints(ctx, canvas.clientWidth, goniometer, lastCursor, colors);
      }
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [root, engine, target]);
}

function writeReadings(m: LiveMeters, write: (key: string, text: string, state?: string) => void, targetId: LoudnessTargetId): void {
  write('correlation', formatCorrelation(m.correlation), m.correlation < 0 ? 'bad' : 'ok');
  write('mid', formatLevel(m.midDb));
  write('side', formatLevel(m.sideDb));
  write('ms-ratio', m.signalPresent ? formatSigned(m.midSideRatioDb) : '--');
  write('mono-vs-stereo', m.signalPresent ? formatSigned(m.monoVsStereoDb) : '--', m.signalPresent && m.monoVsStereoDb < -3 ? 'bad' : 'ok');
  write('left', formatLevel(m.leftDb));
  write('right', formatLevel(m.rightDb));
  write('momentary', formatLevel(m.momentaryLufs));
  write('short-term', formatLevel(m.shortTermLufs));
  write('integrated', formatLevel(m.integratedLufs));
  write('lra', m.integratedLufs > -120 ? m.loudnessRangeLu.toFixed(1) : '--');
  write('true-peak', formatLevel(m.truePeakDbtp), m.truePeakDbtp > getLoudnessTarget(targetId).maxTruePeakDbtp ? 'bad' : 'ok');
  write('max-momentary', formatLevel(m.maxMomentaryLufs));
  if (m.integratedLufs <= -120) {
    write('target-offset', '--', 'idle');
    write('target-gain', '--', 'idle');
    return;
  }
  const distance = distanceToTarget(m.integratedLufs, m.truePeakDbtp, getLoudnessTarget(targetId));
  write('target-offset', `${formatSigned(distance.loudnessOffsetLu)} LU`, distance.loudnessWithinTolerance ? 'ok' : 'bad');
  write('target-gain', `${formatSigned(distance.gainToTargetDb)} dB`, distance.needsLimiting ? 'bad' : 'ok');
}

function moveNeedle(needle: HTMLElement | null, correlation: number): void {
  if (needle === null) return;
  const left = `${(correlationFraction(correlation) * 100).toFixed(1)}%`;
  if (needle.style.left !== left) needle.style.left = left;
  const sign = correlation < 0 ? 'negative' : 'positive';
  if (needle.dataset['sign'] !== sign) needle.dataset['sign'] = sign;
}

function drawCanvases(targets: MeterTargets, meters: LiveMeters, history: HistoryRing, colors: MeterColors): void {
  if (targets.history !== null) {
    const ctx = prepareCanvas(targets.history);
    if (ctx !== null) drawCorrelationHistory(ctx, targets.history.clientWidth, targets.history.clientHeight, history, colors);
  }
  if (targets.multiband !== null) {
    const ctx = prepareCanvas(targets.multiband);
    if (ctx !== null) drawMultiband(ctx, targets.multiband.clientWidth, targets.multiband.clientHeight, meters, colors);
  }
}
