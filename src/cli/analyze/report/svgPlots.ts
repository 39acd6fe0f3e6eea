import { escapeHtml } from './escapeHtml';

/**
 * Small inline SVG plots for the HTML report: line plots over time and bar plots over
 * bands. Self-contained (no fonts, scripts or links; no xmlns, which inline SVG in HTML
 * does not need), sized by a viewBox so they scale with the page; styled by the page's CSS
 * classes. Values outside the y range are drawn at its edge; non-finite values
 * break a line.
 */
export interface LineSeries {
  readonly name: string;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly colour: string;
}

export interface ReferenceLine {
  readonly y: number;
  readonly label: string;
}

export interface LinePlot {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly references?: readonly ReferenceLine[];
}

export interface BarPlot {
  readonly title: string;
  readonly yLabel: string;
  /** One per bar, e.g. band frequencies; every `labelEvery`-th is written under the axis. */
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly yRange: readonly [number, number];
  readonly labelEvery: number;
  readonly colourOf: (value: number) => string;
  readonly references?: readonly ReferenceLine[];
}

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 56;
const RIGHT = 16;
const TOP = 30;
const BOTTOM = 40;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** Tick values at a 1, 2 or 5 x 10^k step giving about `count` ticks over [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

const fixed = (v: number): string => v.toFixed(1);

function scale(range: readonly [number, number], from: number, length: number, flip: boolean): (v: number) => number {
  const [lo, hi] = range;
  const span = hi - lo || 1;
  return (v) => {
    const t = (Math.min(hi, Math.max(lo, v)) - lo) / span;
    return from + (flip ? 1 - t : t) * length;
  };
}

/** A tick value without float noise: 0.15, not 0.15000000000000002. */
function tickLabel(v: number): string {
  return String(Number(v.toFixed(3)));
}

/** The frame, title, y grid with labels, axis labels and reference lines common to both plots. */
function frame(title: string, yLabel: string, yRange: readonly [number, number], references: readonly ReferenceLine[]): string[] {
  const y = scale(yRange, TOP, PLOT_H, true);
  const parts = [
    `<text x="${LEFT}" y="18" class="plot-title">${escapeHtml(title)}</text>`,
    `<text transform="translate(14 ${fixed(TOP + PLOT_H / 2)}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeHtml(yLabel)}</text>`,
  ];
  for (const v of niceTicks(yRange[0], yRange[1], 5)) {
    parts.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" class="grid"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${fixed(y(v) + 4)}" text-anchor="end" class="tick">${escapeHtml(tickLabel(v))}</text>`);
  }
  for (const ref of references) {
    parts.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${fixed(y(ref.y))}" y2="${fixed(y(ref.y))}" class="reference"/>`);
    parts.push(`<text x="${LEFT + 4}" y="${fixed(y(ref.y) - 4)}" class="reference-label">${escapeHtml(ref.label)}</text>`);
  }
  parts.push(`<rect x="${LEFT}" y="${TOP}" width="${PLOT_W}" height="${PLOT_H}" class="plot-frame"/>`);
  return parts;
}

function svg(title: string, parts: readonly string[]): string {
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}" class="plot">${parts.join('')}</svg>`;
}

export function linePlot(plot: LinePlot): string {
  const x = scale(plot.xRange, LEFT, PLOT_W, false);
  const y = scale(plot.yRange, TOP, PLOT_H, true);
  const parts = frame(plot.title, plot.yLabel, plot.yRange, plot.references ?? []);
  for (const v of niceTicks(plot.xRange[0], plot.xRange[1], 8)) {
    parts.push(`<text x="${fixed(x(v))}" y="${TOP + PLOT_H + 16}" text-anchor="middle" class="tick">${escapeHtml(tickLabel(v))}</text>`);
  }
  parts.push(`<text x="${LEFT + PLOT_W / 2}" y="${HEIGHT - 6}" text-anchor="middle" class="axis-label">${escapeHtml(plot.xLabel)}</text>`);
  plot.series.forEach((series, s) => {
    for (const run of finiteRuns(series.xs, series.ys)) {
      const points = run.map(([px, py]) => `${fixed(x(px))},${fixed(y(py))}`).join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="${escapeHtml(series.colour)}" stroke-width="1.5"/>`);
    }
    // Legend in the title row, right-aligned, one 150-unit slot per series.
    const legendX = LEFT + PLOT_W - 150 * (plot.series.length - s);
    const legendY = 18;
    parts.push(`<line x1="${legendX}" x2="${legendX + 18}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${escapeHtml(series.colour)}" stroke-width="2"/>`);
    parts.push(`<text x="${legendX + 24}" y="${legendY}" class="legend">${escapeHtml(series.name)}</text>`);
  });
  return svg(plot.title, parts);
}

/** Consecutive points with finite coordinates. */
function finiteRuns(xs: readonly number[], ys: readonly number[]): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const px = xs[i]!;
    const py = ys[i]!;
    if (Number.isFinite(px) && Number.isFinite(py)) {
      run.push([px, py]);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function barPlot(plot: BarPlot): string {
  const y = scale(plot.yRange, TOP, PLOT_H, true);
  const parts = frame(plot.title, plot.yLabel, plot.yRange, plot.references ?? []);
  const n = Math.max(1, plot.values.length);
  const slot = PLOT_W / n;
  const base = y(Math.min(plot.yRange[1], Math.max(plot.yRange[0], 0)));
  plot.values.forEach((value, i) => {
    const label = plot.labels[i] ?? '';
    const left = LEFT + i * slot;
    if (Number.isFinite(value)) {
      const top = Math.min(base, y(value));
      const height = Math.max(0.5, Math.abs(y(value) - base));
      parts.push(
        `<rect x="${fixed(left + slot * 0.15)}" y="${fixed(top)}" width="${fixed(slot * 0.7)}" height="${fixed(height)}" fill="${escapeHtml(plot.colourOf(value))}"><title>${escapeHtml(`${label}: ${value.toFixed(1)}`)}</title></rect>`,
      );
    }
    if (i % plot.labelEvery === 0) {
      parts.push(`<text x="${fixed(left + slot / 2)}" y="${TOP + PLOT_H + 16}" text-anchor="middle" class="tick">${escapeHtml(label)}</text>`);
    }
  });
  return svg(plot.title, parts);
}
