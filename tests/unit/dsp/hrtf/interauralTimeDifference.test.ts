import { beforeAll, describe, expect, it } from 'vitest';
import { wrapAzimuthDeg } from '../../../../src/core/units';
import { estimateItdSec } from '../../../../src/dsp/hrtf/interauralTimeDifference';
import type { MeasuredHrirSet } from '../../../../src/core/measuredHrirSet';
import { directionIndex, readKemar } from './hrtfTestSupport';

/** A Hann-windowed band-limited pulse (sinc, cutoff 0.45 of the sample rate) centred at `centre` samples. */
function pulse(length: number, centre: number): Float32Array {
  const halfWidth = 16;
  const response = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    const t = n - centre;
    if (Math.abs(t) >= halfWidth) continue;
    const sinc = t === 0 ? 1 : Math.sin(0.9 * Math.PI * t) / (0.9 * Math.PI * t);
    response[n] = sinc * 0.5 * (1 + Math.cos((Math.PI * t) / halfWidth));
  }
  return response;
}

describe('estimateItdSec', () => {
  it('recovers a known fractional interaural delay of identical pulses within 5 us (half the best ITD JND, about 10 us)', () => {
    const sampleRateHz = 48000;
    const length = 256;
    const delaysSec = [0, 0.3e-3, -0.55e-3, 0.7123e-3];
    const left = new Float32Array(delaysSec.length * length);
    const right = new Float32Array(delaysSec.length * length);
    delaysSec.forEach((delaySec, d) => {
      const leftCentre = 60 + Math.max(0, -delaySec) * sampleRateHz;
      left.set(pulse(length, leftCentre), d * length);
      right.set(pulse(length, leftCentre + delaySec * sampleRateHz), d * length);
    });
    const itdSec = estimateItdSec(left, right, delaysSec.length, length, sampleRateHz);
    delaysSec.forEach((delaySec, d) => expect(Math.abs(itdSec[d]! - delaySec)).toBeLessThan(5e-6));
  });
});

describe('ITD of MIT KEMAR', () => {
  let set: MeasuredHrirSet;
  let itdSec: Float64Array;
  beforeAll(async () => {
    set = await readKemar();
    itdSec = estimateItdSec(set.left, set.right, set.directionCount, set.irLength, set.sampleRateHz);
  });

  it('is 0.6 to 0.75 ms at azimuth +90 (positive: left ear first) and -0.75 to -0.6 ms at -90', () => {
    const left = itdSec[directionIndex(set, 90, 0)]!;
    const right = itdSec[directionIndex(set, -90, 0)]!;
    expect(left).toBeGreaterThan(0.6e-3);
    expect(left).toBeLessThan(0.75e-3);
    expect(right).toBeGreaterThan(-0.75e-3);
    expect(right).toBeLessThan(-0.6e-3);
  });

  it('is below 0.05 ms in magnitude straight ahead and straight behind', () => {
    expect(Math.abs(itdSec[directionIndex(set, 0, 0)]!)).toBeLessThan(0.05e-3);
    expect(Math.abs(itdSec[directionIndex(set, 180, 0)]!)).toBeLessThan(0.05e-3);
  });

  it('is mirror-consistent: itd(az) = -itd(-az) within 0.05 ms for every direction measured on both sides', () => {
    let pairs = 0;
    for (let d = 0; d < set.directionCount; d++) {
      for (let e = 0; e < set.directionCount; e++) {
        const mirrored = Math.abs(wrapAzimuthDeg(set.azimuthDeg[e]! + set.azimuthDeg[d]!)) < 1e-6;
        if (!mirrored || Math.abs(set.elevationDeg[e]! - set.elevationDeg[d]!) > 1e-6) continue;
        expect(Math.abs(itdSec[d]! + itdSec[e]!)).toBeLessThan(0.05e-3);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(600);
  });

  it('grows from front to side on the horizontal plane (monotonic to 85 degrees, 1 us slack)', () => {
    let previous = -1;
    for (let azimuth = 0; azimuth <= 85; azimuth += 5) {
      const itd = itdSec[directionIndex(set, azimuth, 0)]!;
      expect(itd).toBeGreaterThan(previous - 1e-6);
      previous = itd;
    }
  });
});
