import { describe, expect, it } from 'vitest';
import { correlation } from '../../../../../src/core/formatUnits';
import { level, signedDb, textTable } from '../../../../../src/cli/analyze/report/reportFormat';
import { barPlot, linePlot, niceTicks } from '../../../../../src/cli/analyze/report/svgPlots';

describe('report number formats', () => {
  it('signs levels, shows the -150 floor as -inf, and drops the sign of a rounded zero', () => {
    expect([signedDb(3.0103), signedDb(-4.25), signedDb(-150), signedDb(-0.04), signedDb(0)]).toEqual(['+3.0', '-4.3', '-inf', '0.0', '0.0']);
    expect([level(-23.04), level(-150)]).toEqual(['-23.0', '-inf']);
    expect([correlation(1), correlation(-0.999), correlation(-0.001)]).toEqual(['+1.00', '-1.00', '0.00']);
  });

  it('pads table columns, numbers to the right and text to the left', () => {
    expect(textTable(['name', 'dB'], [['a', '-1.0'], ['long', '+12.0']], '')).toEqual(['name     dB', 'a      -1.0', 'long  +12.0']);
  });
});

describe('SVG plots', () => {
  it('chooses 1-2-5 tick steps', () => {
    expect(niceTicks(0, 32, 8)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(niceTicks(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(-60, 0, 5)).toEqual([-60, -40, -20, 0]);
  });

  it('draws every point inside the frame (values beyond the range at its edge) and breaks lines at non-finite values', () => {
    const svg = linePlot({ title: 't', xLabel: 'x', yLabel: 'y', xRange: [0, 3], yRange: [-1, 1], series: [{ name: 's', xs: [0, 1, 2, 3], ys: [5, NaN, -5, 0], colour: '#000' }] });
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number)));
    expect(lines.length).toBe(2);
    // Frame: x 56..704, y 30..200 (viewBox 720 x 240 less the margins).
    expect(lines).toEqual([[[56, 30]], [[488, 200], [704, 115]]]);
  });

  it('draws one bar per value from the zero line', () => {
    const svg = barPlot({ title: 'b', yLabel: 'dB', labels: ['a', 'b'], values: [-12, 3], yRange: [-24, 6], labelEvery: 1, colourOf: () => '#f00' });
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill/g)].map((m) => m.slice(1).map(Number));
    // Zero sits at 30 + 170 * 6/30 = 64; -12 dB is 68 below it, +3 dB 17 above.
    expect(bars).toEqual([[104.6, 64, 226.8, 68], [428.6, 47, 226.8, 17]]);
  });
});
