import { describe, expect, it } from 'vitest';
import { bedLayoutsFor, bedRoutingOf } from '../../../../src/core/scene/bedRouting';

/**
 * Bed routing from a WAV's channel mask (WAVE_FORMAT_EXTENSIBLE: channels by increasing
 * speaker bit, Microsoft's ksmedia.h SPEAKER_* values) or, without one, the channel count.
 */
describe('bedRoutingOf', () => {
  it('reads 7.1 (0x63F) with the back pair (0x10, 0x20) before the side pair (0x200, 0x400)', () => {
    expect(bedRoutingOf(8, 0x63f, 'x.wav')).toEqual({ layout: '0+7+0', channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090'], from: 'channel mask', alternatives: [] });
  });

  it('reads 5.1 in both its side (0x60F) and back (0x3F) forms as M+/-110', () => {
    const fiveOne = ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'];
    expect(bedRoutingOf(6, 0x60f, 'x.wav').channels).toEqual(fiveOne);
    expect(bedRoutingOf(6, 0x3f, 'x.wav').channels).toEqual(fiveOne);
  });

  it('reads 7.1.4 (0x2D63F): tops after the ear layer, by bit (0x1000 U+045, 0x4000 U-045, 0x8000 U+135, 0x20000 U-135)', () => {
    expect(bedRoutingOf(12, 0x2d63f, 'x.wav').channels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090', 'U+045', 'U-045', 'U+135', 'U-135']);
  });

  it('without a mask, or with one no layout has, takes the usual bed of the channel count and lists the others', () => {
    expect(bedRoutingOf(10, undefined, 'x.wav')).toMatchObject({ layout: '2+7+0', from: 'channel count', alternatives: ['4+5+0'] });
    expect(bedRoutingOf(10, 0, 'x.wav').layout).toBe('2+7+0');
    expect(bedRoutingOf(8, 0x3ff, 'x.wav')).toMatchObject({ layout: '0+7+0', from: 'channel count', alternatives: ['2+5+0'] });
    expect(bedRoutingOf(12, undefined, 'x.wav')).toMatchObject({ layout: '4+7+0', alternatives: ['3+7+0'] });
    // 22.2 is filed with mask 0, in BS.2051 order.
    expect(bedRoutingOf(24, undefined, 'x.wav')).toMatchObject({ layout: '9+10+3', alternatives: [] });
  });

  it('falls back to the channel count when the mask\'s layout has another channel count than the file', () => {
    expect(bedRoutingOf(6, 0x63f, 'x.wav')).toMatchObject({ layout: '0+5+0', from: 'channel count' });
  });

  it('refuses a channel count no layout has, naming the file', () => {
    expect(() => bedRoutingOf(7, 0x63f, 'seven.wav')).toThrow('seven.wav: a stem of 7 channels fits no loudspeaker layout; a bed has 6, 8, 10, 11, 12, 14, 24 channels (objects are mono or stereo)');
  });

  it('lists the layouts of a channel count, the usual one first', () => {
    expect(bedLayoutsFor(6)).toEqual(['0+5+0']);
    expect(bedLayoutsFor(11)).toEqual(['4+5+1']);
    expect(bedLayoutsFor(3)).toEqual([]);
  });
});
