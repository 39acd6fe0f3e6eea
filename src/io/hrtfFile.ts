/**
 * The studio's own HRTF data format (`.hrtf`): a prepared `HrtfSet` in one small binary
 * file that loads without HDF5. Version 1, all numbers little-endian:
 *
 *   offset  size        content
 *   0       8           signature 0x89 'H' 'R' 'T' 'F' '\r' '\n' 0x1A
 *   8       4           uint32 format version (1)
 *   12      4           uint32 header length H in bytes
 *   16      H           header: JSON in ASCII (other characters \\u-escaped), padded with
 *                       spaces so the arrays start on a multiple of 8 bytes:
 *                       { name, provenance, sampleRateHz, directionCount, hrirLength }
 *   16+H    8 D         float64 azimuthDeg[D]       (D = directionCount)
 *           8 D         float64 elevationDeg[D]
 *           8 D         float64 itdSec[D]
 *           4 D L       float32 left[D x L]         (L = hrirLength)
 *           4 D L       float32 right[D x L]
 *
 * The signature follows PNG's: a high-bit byte catches 7-bit channels and CR LF catches
 * line-ending conversion. Directions and ITDs are float64 so a round trip is exact.
 * Reading validates everything (the sample rate within 8 to 384 kHz as for audio files,
 * ITDs within MAX_ITD_SEC) and names the file and the field in its errors.
 */
import { FieldError } from '../core/fieldError';
import { MAX_ITD_SEC } from '../core/hrtfSet';
import type { HrtfSet } from '../core/hrtfSet';
import { MAX_FILE_SAMPLE_RATE_HZ, MIN_FILE_SAMPLE_RATE_HZ, isReadableSampleRate } from '../core/pcm';

const SIGNATURE = [0x89, 0x48, 0x52, 0x54, 0x46, 0x0d, 0x0a, 0x1a] as const;
const VERSION = 1;
const PREAMBLE_BYTES = 16;

/** A decoded `.hrtf` file: the set and where it came from. */
export interface HrtfFileContents extends HrtfSet {
  /** Source, terms and required citation of the measurements, and the processing applied. */
  readonly provenance: string;
}

export function encodeHrtfFile(set: HrtfSet, provenance: string): Uint8Array {
  const { directionCount: count, hrirLength: length } = set;
  const arrays = [set.azimuthDeg, set.elevationDeg, set.itdSec, set.left, set.right];
  const expected = [count, count, count, count * length, count * length];
  arrays.forEach((array, i) => {
    if (array.length !== expected[i]) throw new RangeError(`encodeHrtfFile: array ${i} has ${array.length} values, expected ${expected[i]}`);
  });
  const json = JSON.stringify({
    name: set.name,
    provenance,
    sampleRateHz: set.sampleRateHz,
    directionCount: count,
    hrirLength: length,
  }).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const headerBytes = Math.ceil((PREAMBLE_BYTES + json.length) / 8) * 8 - PREAMBLE_BYTES;
  const bytes = new Uint8Array(PREAMBLE_BYTES + headerBytes + 24 * count + 8 * count * length);
  const view = new DataView(bytes.buffer);
  bytes.set(SIGNATURE);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, headerBytes, true);
  for (let i = 0; i < headerBytes; i++) bytes[PREAMBLE_BYTES + i] = i < json.length ? json.charCodeAt(i) : 0x20;
  let offset = PREAMBLE_BYTES + headerBytes;
  for (const array of [set.azimuthDeg, set.elevationDeg, set.itdSec]) {
    for (const value of array) {
      view.setFloat64(offset, value, true);
      offset += 8;
    }
  }
  for (const array of [set.left, set.right]) {
    for (const value of array) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}

export function decodeHrtfFile(bytes: Uint8Array, fileName: string): HrtfFileContents {
  if (bytes.length < PREAMBLE_BYTES) {
    throw new FieldError(fileName, '', `truncated: expected at least ${PREAMBLE_BYTES} bytes (signature, version, header length), got ${bytes.length}`);
  }
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new FieldError(fileName, 'signature', 'bad magic: expected the 8-byte .hrtf signature 89 48 52 54 46 0D 0A 1A');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw new FieldError(fileName, 'version', `expected ${VERSION}, got ${version}`);
  const headerBytes = view.getUint32(12, true);
  if (PREAMBLE_BYTES + headerBytes > bytes.length) {
    throw new FieldError(fileName, 'header', `truncated: the header needs ${headerBytes} bytes, the file has ${bytes.length - PREAMBLE_BYTES} after the preamble`);
  }
  const header = parseHeader(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes), fileName);
  const { directionCount: count, hrirLength: length } = header;
  const expectedBytes = PREAMBLE_BYTES + headerBytes + 24 * count + 8 * count * length;
  if (bytes.length !== expectedBytes) {
    throw new FieldError(
      fileName,
      'data',
      `${bytes.length < expectedBytes ? 'truncated' : 'unexpected trailing bytes'}: directionCount ${count} and hrirLength ${length} need ${expectedBytes} bytes, got ${bytes.length}`,
    );
  }
  let offset = PREAMBLE_BYTES + headerBytes;
  const readArray = <T extends Float64Array | Float32Array>(array: T, field: string, check: (value: number) => boolean, expectation: string): T => {
    const width = array.BYTES_PER_ELEMENT;
    for (let i = 0; i < array.length; i++) {
      const value = width === 8 ? view.getFloat64(offset, true) : view.getFloat32(offset, true);
      if (!check(value)) throw new FieldError(fileName, `${field}[${i}]`, `expected ${expectation}, got ${value}`);
      array[i] = value;
      offset += width;
    }
    return array;
  };
  return {
    ...header,
    azimuthDeg: readArray(new Float64Array(count), 'azimuthDeg', (v) => v > -180 && v <= 180, 'an azimuth in (-180, 180] degrees'),
    elevationDeg: readArray(new Float64Array(count), 'elevationDeg', (v) => v >= -90 && v <= 90, 'an elevation in [-90, 90] degrees'),
    itdSec: readArray(new Float64Array(count), 'itdSec', (v) => Math.abs(v) <= MAX_ITD_SEC, `an ITD within +-${MAX_ITD_SEC} s`),
    left: readArray(new Float32Array(count * length), 'left', Number.isFinite, 'a finite sample'),
    right: readArray(new Float32Array(count * length), 'right', Number.isFinite, 'a finite sample'),
  };
}

interface Header {
  readonly name: string;
  readonly provenance: string;
  readonly sampleRateHz: number;
  readonly directionCount: number;
  readonly hrirLength: number;
}

function parseHeader(headerBytes: Uint8Array, fileName: string): Header {
  const nonAscii = headerBytes.findIndex((byte) => byte > 0x7f);
  if (nonAscii >= 0) throw new FieldError(fileName, 'header', `expected ASCII JSON, found byte ${headerBytes[nonAscii]} at ${nonAscii}`);
  let json = '';
  for (const byte of headerBytes) json += String.fromCharCode(byte);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new FieldError(fileName, 'header', `expected JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FieldError(fileName, 'header', 'expected a JSON object');
  const record = parsed as Record<string, unknown>;
  const text = (key: string): string => {
    const value = record[key];
    if (typeof value !== 'string') throw new FieldError(fileName, `header.${key}`, `expected a string, got ${JSON.stringify(value ?? null)}`);
    return value;
  };
  const positive = (key: string, integer: boolean): number => {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      const expectation = integer ? 'a positive whole number' : 'a positive number';
      throw new FieldError(fileName, `header.${key}`, `expected ${expectation}, got ${JSON.stringify(value ?? null)}`);
    }
    return value;
  };
  const sampleRateHz = positive('sampleRateHz', false);
  if (!isReadableSampleRate(sampleRateHz)) {
    throw new FieldError(fileName, 'header.sampleRateHz', `expected a whole number of hertz from ${MIN_FILE_SAMPLE_RATE_HZ} to ${MAX_FILE_SAMPLE_RATE_HZ}, got ${sampleRateHz}`);
  }
  return {
    name: text('name'),
    provenance: text('provenance'),
    sampleRateHz,
    directionCount: positive('directionCount', true),
    hrirLength: positive('hrirLength', true),
  };
}
