import { describe, expect, it } from 'vitest';
import { checkTypedValue } from '../../../src/ui/controls/typedRange';

const GAIN = { min: -120, max: 24 };

describe('typed values and their range', () => {
  it('takes values inside the range, both ends included', () => {
    expect(checkTypedValue(24, GAIN, 'Gain', 'dB')).toEqual({ ok: true, value: 24 });
    expect(checkTypedValue(-120, GAIN, 'Gain', 'dB')).toEqual({ ok: true, value: -120 });
    expect(checkTypedValue(-6.5, GAIN, 'Gain', 'dB')).toEqual({ ok: true, value: -6.5 });
  });

  it('refuses +30 dB naming the field, the value and the range', () => {
    expect(checkTypedValue(30, GAIN, 'Gain', 'dB')).toEqual({ ok: false, message: 'Gain: +30 dB is out of range: type -120 to +24 dB.' });
    expect(checkTypedValue(-130, GAIN, 'Gain of Drums', 'dB')).toEqual({ ok: false, message: 'Gain of Drums: -130 dB is out of range: type -120 to +24 dB.' });
  });

  it('writes degrees and percent without a space, and unsigned ranges without plus signs', () => {
    expect(checkTypedValue(95, { min: -90, max: 90 }, 'Elevation', '°')).toEqual({ ok: false, message: 'Elevation: +95° is out of range: type -90 to +90°.' });
    expect(checkTypedValue(250, { min: 0, max: 200 }, 'Width', '%')).toEqual({ ok: false, message: 'Width: 250% is out of range: type 0 to 200%.' });
    expect(checkTypedValue(0.05, { min: 0.1, max: 1000 }, 'Distance', 'm')).toEqual({ ok: false, message: 'Distance: 0.05 m is out of range: type 0.1 to 1000 m.' });
  });
});
