import type { LiveGoniometer, LiveMeters } from '../../engine/audioEngine';
import { goniometerPointIndex, historyAt, historyLength, newGoniometerPoints } from './meterReadout';
import type { HistoryRing } from './meterReadout';

/** The theme's colours (styles.css variables), read once per panel mount. */
export interface MeterColors {
  readonly background: string;
  readonly grid: string;
  readonly text: string;
  readonly positive: string;
  readonly negative: string;
  readonly trace: string;
}

export function readMeterColors(element: Element): MeterColors {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--field', '#0f1217'),
    grid: v('--border-strong', '#343c48'),
    text: v('--text-faint', '#5f6877'),
    positive: v('--ok', '#5fd38d'),
    negative: v('--danger', '#ff6b6b'),
    trace: v('--accent', '#4cc2ff'),
  };
}

/** Sizes the canvas's pixels to its CSS box at the device pixel ratio; returns the context in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** Correlation over time: +1 at the top, -1 at the bottom, the newest value on the right. */
export function drawCorrelationHistory(ctx: CanvasRenderingContext2D, width: number, height: number, ring: HistoryRing, colors: MeterColors): void {
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, height / 2 + 0.5);
  ctx.lineTo(width, height / 2 + 0.5);
  ctx.stroke();
  const n = historyLength(ring);
  if (n < 2) return;
  const capacity = ring.values.length;
  const dx = width / (capacity - 1);
  const x0 = width - (n - 1) * dx;
  ctx.strokeStyle = colors.trace;
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const y = ((1 - historyAt(ring, i)) / 2) * (height - 2) + 1;
    if (i === 0) ctx.moveTo(x0, y);
    else ctx.lineTo(x0 + i * dx, y);
  }
  ctx.stroke();
}

/** Bands whose mid and side are both below this are drawn as empty (no signal there). */
const BAND_SILENT_DB = -90;
/** Mono-loss row: dB lost (the mono sum vs stereo below 0 dB), from 0 down to this. */
const MONO_LOSS_RANGE_DB = 24;

/**
 * The 31 one-third-octave bands left to right (20 Hz - 20 kHz). Top row: correlation, a
 * bar from the centre line, up and green when positive, down and red when negative.
 * Bottom row: the dB lost in mono (bandMonoVsStereoDb below 0), a bar down from 0 (red beyond 3 dB lost), up to 24 dB.
 */
export function drawMultiband(ctx: CanvasRenderingContext2D, width: number, height: number, meters: LiveMeters, colors: MeterColors): void {
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  const bands = meters.bandCount;
  if (bands === 0) return;
  const labelHeight = 11;
  const lossHeight = Math.round((height - labelHeight) * 0.3);
  const corrHeight = height - labelHeight - lossHeight - 4;
  const mid = corrHeight / 2;
  const slot = width / bands;
  const barWidth = Math.max(1, slot - 2);
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, Math.round(mid) + 0.5);
  ctx.lineTo(width, Math.round(mid) + 0.5);
  ctx.moveTo(0, corrHeight + 4.5);
  ctx.lineTo(width, corrHeight + 4.5);
  ctx.stroke();
  for (let b = 0; b < bands; b++) {
    const x = b * slot + 1;
    if (meters.bandMidDb[b]! < BAND_SILENT_DB && meters.bandSideDb[b]! < BAND_SILENT_DB) continue;
    const c = meters.bandCorrelation[b]!;
    ctx.fillStyle = c >= 0 ? colors.positive : colors.negative;
    const h = Math.max(1, Math.abs(c) * mid);
    ctx.fillRect(x, c >= 0 ? mid - h : mid, barWidth, h);
    const loss = Math.min(0, meters.bandMonoVsStereoDb[b]!);
    const lossBar = (Math.min(MONO_LOSS_RANGE_DB, -loss) / MONO_LOSS_RANGE_DB) * lossHeight;
    ctx.fillStyle = loss < -3 ? colors.negative : colors.grid;
    ctx.fillRect(x, corrHeight + 5, barWidth, Math.max(1, lossBar));
  }
  ctx.fillStyle = colors.text;
  ctx.font = '9px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  for (const [label, band] of [['20', 0], ['200', 10], ['2k', 20], ['20k', 30]] as const) {
    if (band >= bands) continue;
    ctx.textAlign = band === 0 ? 'left' : band >= bands - 1 ? 'right' : 'center';
    const x = band === 0 ? 0 : band >= bands - 1 ? width : (band + 0.5) * slot;
    ctx.fillText(label, x, height);
  }
}

/** Goniometer guides: M up, S across, and the L (upper left) and R (upper right) diagonals at 45 degrees. */
export function drawGoniometerGuides(ctx: CanvasRenderingContext2D, size: number, colors: MeterColors): void {
  const c = size / 2;
  ctx.clearRect(0, 0, size, size);
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(c, 0);
  ctx.lineTo(c, size);
  ctx.moveTo(0, c);
  ctx.lineTo(size, c);
  ctx.moveTo(0, 0);
  ctx.lineTo(size, size);
  ctx.moveTo(size, 0);
  ctx.lineTo(0, size);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = colors.text;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.fillText('M', c, 2);
  ctx.textAlign = 'left';
  ctx.fillText('L', 4, 2);
  ctx.textAlign = 'right';
  ctx.fillText('R', size - 4, 2);
  ctx.textBaseline = 'middle';
  ctx.fillText('S', size - 3, c - 7);
}

/** Most points drawn per frame (the newest), so a slow frame never stalls the page. */
const MAX_POINTS_PER_FRAME = 4096;
/** Persistence: each frame keeps this much of the previous picture (about 0.25 s to fade by 1/e at 60 frames per second). */
const PERSISTENCE = 0.93;

/**
 * Fades the picture, then plots the points written since `lastCursor` (x = (R - L)/sqrt2
 * to the right, y = M up). Returns the new cursor.
 */
export function drawGoniometerPoints(
  ctx: CanvasRenderingContext2D,
  size: number,
  goniometer: LiveGoniometer,
  lastCursor: number,
  colors: MeterColors,
): number {
  ctx.globalCompositeOperation = 'destination-out';
  ctx.fillStyle = `rgba(0, 0, 0, ${1 - PERSISTENCE})`;
  ctx.fillRect(0, 0, size, size);
  ctx.globalCompositeOperation = 'source-over';
  const cursor = Atomics.load(goniometer.cursor, 0);
  const { first, count } = newGoniometerPoints(cursor, lastCursor, goniometer.capacity, MAX_POINTS_PER_FRAME);
  const c = size / 2;
  // Full scale on both channels in phase (y = sqrt2) reaches the top edge; nothing within full scale leaves the square.
  const scale = c * Math.SQRT1_2;
  ctx.fillStyle = colors.trace;
  ctx.globalAlpha = 0.6;
  const points = goniometer.points;
  for (let j = 0; j < count; j++) {
    const index = goniometerPointIndex((first + j) & 0x7fffffff, goniometer.capacity);
    const x = c + points[index]! * scale;
    const y = c - points[index + 1]! * scale;
    ctx.fillRect(x, y, 1.2, 1.2);
  }
  ctx.globalAlpha = 1;
  return cursor;
}
