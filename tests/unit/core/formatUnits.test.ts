import { describe, expect, it } from 'vitest';
import { clock, frequency } from '../../../src/core/formatUnits';

describe('times and frequencies of findings and reports', () => {
  it('writes times as m:ss.s, to the tenth (exact strings)', () => {
    expect([clock(0), clock(5.5), clock(23.5), clock(65.25), clock(600), clock(-1)]).toEqual(['0:00.0', '0:05.5', '0:23.5', '1:05.3', '10:00.0', '0:00.0']);
  });

  it('writes every nominal one-third-octave centre (IEC 61260-1, 20 Hz-20 kHz) as it is labelled', () => {
    const labels = '20 25 31.5 40 50 63 80 100 125 160 200 250 315 400 500 630 800 1k 1.25k 1.6k 2k 2.5k 3.15k 4k 5k 6.3k 8k 10k 12.5k 16k 20k'.split(' ');
    const hz = labels.map((l) => (l.endsWith('k') ? Number(l.slice(0, -1)) * 1000 : Number(l)));
    expect(hz.map(frequency)).toEqual(labels.map((l) => (l.endsWith('k') ? `${l.slice(0, -1)} kHz` : `${l} Hz`)));
  });

  it('writes a measured frequency to three significant figures', () => {
    // Comb notches of a 12 ms delay: (2k + 1) / (2 * 0.012) Hz.
    expect([41.666, 125, 208.33, 345.6, 1234.5, 999.7].map(frequency)).toEqual(['41.7 Hz', '125 Hz', '208 Hz', '346 Hz', '1.23 kHz', '1 kHz']);
  });
});
