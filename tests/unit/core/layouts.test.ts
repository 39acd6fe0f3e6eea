import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, getLayout } from '../../../src/core/layouts';

/** Labels in file order, and dwChannelMask, per layout (BS.2051-3; ksmedia.h SPEAKER_* bits). */
const EXPECTED = {
  '0+2+0': { mask: 0x3, labels: ['M+030', 'M-030'] },
  // M+/-110 are the SIDE pair (0x600): 5.1 as Microsoft's 5POINT1_SURROUND and FFmpeg's "5.1"
  '0+5+0': { mask: 0x60f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'] },
  '2+5+0': { mask: 0x560f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030'] },
  '4+5+0': {
    mask: 0x2d60f,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030', 'U+110', 'U-110'],
  },
  // M+/-090 SIDE (0x600), M+/-135 BACK (0x30)
  '0+7+0': { mask: 0x63f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135'] },
  '4+7+0': {
    mask: 0x2d63f,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135', 'U+045', 'U-045', 'U+135', 'U-135'],
  },
} as const;

const bitCount = (mask: number): number => mask.toString(2).replaceAll('0', '').length;

describe('BS.2051 loudspeaker layouts', () => {
  it('has every layout the studio names', () => {
    expect([...LAYOUT_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(LAYOUT_NAMES)('%s: labels in file order, channel count and dwChannelMask', (name) => {
    const layout = getLayout(name);
    const expected = EXPECTED[name];
    expect(layout.name).toBe(name);
    expect(layout.channels.map((c) => c.label)).toEqual(expected.labels);
    expect(layout.channelMask).toBe(expected.mask);
    expect(bitCount(layout.channelMask)).toBe(layout.channels.length);
  });

  it('has the trade names and BS.2051 system letters', () => {
    expect(LAYOUT_NAMES.map((n) => `${getLayout(n).system} ${getLayout(n).commonName}`)).toEqual([
      'A 2.0',
      'B 5.1',
      'C 5.1.2',
      'D 5.1.4',
      'I 7.1',
      'J 7.1.4',
    ]);
  });

  it.each(LAYOUT_NAMES)('%s: each loudspeaker sits where its label says; LFE flagged and unplaced', (name) => {
    for (const channel of getLayout(name).channels) {
      if (channel.isLfe) {
        expect(channel.label).toMatch(/^LFE\d$/);
        expect(channel).not.toHaveProperty('azimuthDeg');
        continue;
      }
      // label = layer letter, signed azimuth in 3 digits: M = 0, U = +30 degrees elevation
      const match = /^([MU])([+-])(\d{3})$/.exec(channel.label);
      expect(match).not.toBeNull();
      const [, layer, sign, digits] = match ?? [];
      expect(channel.azimuthDeg).toBe(Number(`${sign}${digits}`));
      expect(channel.elevationDeg).toBe(layer === 'U' ? 30 : 0);
    }
  });

  it('is frozen', () => {
    const layout = getLayout('0+5+0');
    expect(Object.isFrozen(layout)).toBe(true);
    expect(Object.isFrozen(layout.channels)).toBe(true);
    expect(layout.channels.every((c) => Object.isFrozen(c))).toBe(true);
  });
});
