import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HrtfSet } from '../../../src/core/hrtfSet';
import { decodeHrtfFile, encodeHrtfFile } from '../../../src/io/hrtfFile';

const SHIPPED_NAME = 'hrtf/mit-kemar-normal-pinna.hrtf';

/** Three directions of four taps with values that float32 and float64 keep exactly. */
function smallSet(): HrtfSet {
  return {
    name: 'small set, «ünïcode» name',
    sampleRateHz: 48000,
    directionCount: 3,
    hrirLength: 4,
    azimuthDeg: Float64Array.of(0, 6.428571428571429, -90),
    elevationDeg: Float64Array.of(0, -40, 90),
    itdSec: Float64Array.of(0, 1.234567890123e-4, -6.6e-4),
    left: Float32Array.from({ length: 12 }, (_, i) => (i - 5) / 7),
    right: Float32Array.from({ length: 12 }, (_, i) => Math.fround(Math.sin(i))),
  };
}

/** `bytes` with the header text `from` replaced by `to` (same length, so offsets stay). */
function patchHeader(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const text = String.fromCharCode(...bytes.subarray(0, 400));
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const patched = bytes.slice();
  for (let i = 0; i < to.length; i++) patched[at + i] = to.charCodeAt(i);
  return patched;
}

describe('encodeHrtfFile / decodeHrtfFile', () => {
  it('round-trips a set exactly, provenance and non-ASCII name included', () => {
    const set = smallSet();
    const decoded = decodeHrtfFile(encodeHrtfFile(set, 'cite: somebody, 1994'), 'small.hrtf');
    expect(decoded).toEqual({ ...set, provenance: 'cite: somebody, 1994' });
  });

  it('reads the shipped set and re-encodes it byte for byte', () => {
    const bytes = new Uint8Array(readFileSync(new URL(`../../../${SHIPPED_NAME}`, import.meta.url)));
    const set = decodeHrtfFile(bytes, SHIPPED_NAME);
    expect(set.name).toBe('MIT KEMAR, normal pinna');
    expect(set.sampleRateHz).toBe(44100);
    expect(set.directionCount).toBe(710);
    expect(set.provenance).toContain('Bill Gardner and Keith Martin, "HRTF Measurements of a KEMAR Dummy-Head Microphone"');
    expect(set.provenance).toContain('Technical Report #280, 1994');
    expect(encodeHrtfFile(set, set.provenance)).toEqual(bytes);
  });

  it('starts the arrays on a multiple of 8 bytes', () => {
    const bytes = encodeHrtfFile(smallSet(), 'odd length provenance.');
    const headerBytes = new DataView(bytes.buffer).getUint32(12, true);
    expect((16 + headerBytes) % 8).toBe(0);
  });
});

describe('decodeHrtfFile refuses bad files, naming the file and the field', () => {
  const good = encodeHrtfFile(smallSet(), 'test');
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['empty', () => new Uint8Array(0), /^bad\.hrtf: truncated: expected at least 16 bytes/],
    ['bad magic', () => Uint8Array.from([...good.subarray(0, 16)].map((byte, i) => (i === 1 ? 0x58 : byte))), /^bad\.hrtf: signature: bad magic/],
    ['a SOFA file', () => Uint8Array.of(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0), /^bad\.hrtf: signature: bad magic/],
    ['unknown version', () => {
      const bytes = good.slice();
      new DataView(bytes.buffer).setUint32(8, 2, true);
      return bytes;
    }, /^bad\.hrtf: version: expected 1, got 2$/],
    ['truncated header', () => good.subarray(0, 40), /^bad\.hrtf: header: truncated/],
    ['truncated data', () => good.subarray(0, good.length - 4), /^bad\.hrtf: data: truncated: directionCount 3 and hrirLength 4 need \d+ bytes, got \d+$/],
    ['trailing bytes', () => Uint8Array.from([...good, 0, 0, 0, 0]), /^bad\.hrtf: data: unexpected trailing bytes/],
    ['counts that do not match the length', () => patchHeader(good, '"directionCount":3', '"directionCount":4'), /^bad\.hrtf: data: truncated: directionCount 4/],
    ['zero length', () => patchHeader(good, '"hrirLength":4', '"hrirLength":0'), /^bad\.hrtf: header\.hrirLength: expected a positive whole number, got 0$/],
    // Issue 12: these were read; a 1 Hz set asked the resampler for 48,000 times its length.
    ['a sample rate of 1 Hz', () => patchHeader(good, '"sampleRateHz":48000', '"sampleRateHz":1    '), /^bad\.hrtf: header\.sampleRateHz: expected a whole number of hertz from 8000 to 384000, got 1$/],
    ['a sample rate of 1e9 Hz', () => patchHeader(good, '"sampleRateHz":48000', '"sampleRateHz":1.0e9'), /^bad\.hrtf: header\.sampleRateHz: expected a whole number of hertz from 8000 to 384000, got 1000000000$/],
    ['an ITD of one second', () => {
      const bytes = good.slice();
      const headerBytes = new DataView(bytes.buffer).getUint32(12, true);
      new DataView(bytes.buffer).setFloat64(16 + headerBytes + 2 * 3 * 8 + 8, 1, true);
      return bytes;
    }, /^bad\.hrtf: itdSec\[1\]: expected an ITD within \+-0\.002 s, got 1$/],
    ['header not JSON', () => patchHeader(good, '{"name"', '["name"'), /^bad\.hrtf: header: expected JSON/],
    ['non-finite sample', () => {
      const bytes = good.slice();
      new DataView(bytes.buffer).setFloat32(bytes.length - 4, Number.NaN, true);
      return bytes;
    }, /^bad\.hrtf: right\[11\]: expected a finite sample, got NaN$/],
    ['azimuth out of range', () => {
      const bytes = good.slice();
      const headerBytes = new DataView(bytes.buffer).getUint32(12, true);
      new DataView(bytes.buffer).setFloat64(16 + headerBytes, -180, true);
      return bytes;
    }, /^bad\.hrtf: azimuthDeg\[0\]: expected an azimuth in \(-180, 180\] degrees, got -180$/],
  ];
  for (const [label, make, message] of cases) {
    it(label, () => {
      expect(() => decodeHrtfFile(make(), 'bad.hrtf')).toThrow(message);
    });
  }
});
