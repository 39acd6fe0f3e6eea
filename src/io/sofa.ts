/**
 * Reads head-related impulse responses from an AES69 SOFA file (AES69-2020, "AES
 * standard for file exchange - Spatial acoustic data file format"), convention
 * SimpleFreeFieldHRIR: HRIRs measured in free field, one emitter, two receivers.
 *
 * A SOFA file is HDF5 (netCDF-4). What is read, with M measurements, R receivers and
 * N samples:
 *   GLOBAL:Conventions = "SOFA", GLOBAL:SOFAConventions = "SimpleFreeFieldHRIR",
 *   GLOBAL:DataType = "FIR";
 *   Data.IR           M x R x N, R = 2 (receiver 0 the left ear, 1 the right ear);
 *   Data.SamplingRate one value in hertz;
 *   Data.Delay        1 x R or M x R, in samples (optional, zero when absent): each
 *                     HRIR is delayed by it, rounded to whole samples;
 *   SourcePosition    M x 3, spherical (degree, degree, metre) or cartesian (metre).
 * The listener must be at the origin, looking along +x with +z up (the defaults);
 * other listener positions or orientations are refused, not guessed at.
 *
 * h5wasm reads from its in-memory file system: the bytes are written there, read, and
 * removed again before returning. Nothing awaits between writing and removing, so one
 * scratch path serves every call. Meanwhile HDF5 errors throw (h5wasm's throwing error
 * handler) instead of printing to the console, and become errors naming the file.
 */
import h5wasm from 'h5wasm';
import type { File } from 'h5wasm';
import { FieldError } from '../core/fieldError';
import { MAX_FILE_SAMPLE_RATE_HZ, MIN_FILE_SAMPLE_RATE_HZ, isReadableSampleRate } from '../core/pcm';
import type { MeasuredHrirSet } from '../core/measuredHrirSet';
import { describeShape, findDataset, readNumericDataset, readStringAttribute } from './hdf5Fields';
import { hasHdf5Signature } from './hdf5Signature';
import { MAX_SOFA_DELAY_SEC, MAX_SOFA_IR_LENGTH, MAX_SOFA_IR_VALUES, MAX_SOFA_MEASUREMENTS, MIN_SOFA_MEASUREMENTS } from './sofaLimits';
import { sofaCoordinateType, sofaPositionsToPolar } from './sofaPositions';

const SCRATCH_PATH = '/readSofaHrirs.sofa';
const RECEIVER_COUNT = 2;
/** The largest finite float32, (2 - 2^-23) 2^127. */
const MAX_FLOAT32 = 3.4028234663852886e38;
/** GLOBAL attributes quoted in `provenance`, in this order. */
const PROVENANCE_ATTRIBUTES = ['DatabaseName', 'ListenerShortName', 'Organization', 'AuthorContact', 'License', 'References', 'Origin'];

export async function readSofaHrirs(bytes: Uint8Array, fileName: string): Promise<MeasuredHrirSet> {
  if (!hasHdf5Signature(bytes)) {
    throw new FieldError(fileName, '', 'expected an AES69 SOFA file, which is HDF5, but found no HDF5 signature');
  }
  const hdf5 = await h5wasm.ready;
  hdf5.FS.writeFile(SCRATCH_PATH, bytes);
  hdf5.activate_throwing_error_handler();
  try {
    let file: File;
    try {
      file = new h5wasm.File(SCRATCH_PATH, 'r');
    } catch (error) {
      throw new FieldError(fileName, '', `expected an AES69 SOFA file, but HDF5 could not open it (${hdf5Problem(error)})`);
    }
    try {
      return readOpenFile(file, fileName);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('HDF5-DIAG')) {
        throw new FieldError(fileName, '', `HDF5 could not read it (${hdf5Problem(error)})`);
      }
      throw error;
    } finally {
      file.close();
    }
  } finally {
    hdf5.deactivate_throwing_error_handler();
    hdf5.FS.unlink(SCRATCH_PATH);
  }
}

/**
 * The innermost cause from an HDF5 error stack (its last "minor:" line, e.g. "Not an
 * HDF5 file" or "File has been truncated"), without the library's source paths.
 */
function hdf5Problem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const causes = [...text.matchAll(/minor: (.*)/g)].map((match) => match[1]!.trim());
  return causes.at(-1) ?? 'unknown HDF5 error';
}

function readOpenFile(file: File, fileName: string): MeasuredHrirSet {
  expectGlobal(file, 'Conventions', 'SOFA', fileName);
  expectGlobal(file, 'SOFAConventions', 'SimpleFreeFieldHRIR', fileName);
  expectGlobal(file, 'DataType', 'FIR', fileName);
  checkListener(file, fileName);

  const irSet = findDataset(file, 'Data.IR', fileName);
  if (irSet === undefined) throw new FieldError(fileName, 'Data.IR', 'missing; the SimpleFreeFieldHRIR convention requires it');
  const { directionCount, measuredLength } = checkIrShape(irSet.shape ?? [], fileName);
  const sampleRateHz = readSamplingRate(file, fileName);
  const delaySamples = readDelays(file, directionCount, measuredLength, sampleRateHz, fileName);
  const positionSet = findDataset(file, 'SourcePosition', fileName);
  if (positionSet === undefined) throw new FieldError(fileName, 'SourcePosition', 'missing; expected M x 3 source positions');
  const positions = readNumericDataset(positionSet, fileName, 'SourcePosition', 3 * directionCount);
  if (positions.shape.length !== 2 || positions.shape[0] !== directionCount || positions.shape[1] !== 3) {
    throw new FieldError(fileName, 'SourcePosition', `expected M x 3 = ${describeShape([directionCount, 3])}, got ${describeShape(positions.shape)}`);
  }
  const coordinateType = sofaCoordinateType(
    readStringAttribute(positionSet, 'Type'),
    readStringAttribute(positionSet, 'Units'),
    fileName,
    'SourcePosition',
  );
  const directions = sofaPositionsToPolar(positions.values, directionCount, coordinateType, fileName, 'SourcePosition');

  const ir = readNumericDataset(irSet, fileName, 'Data.IR', directionCount * RECEIVER_COUNT * measuredLength);
  checkIrValues(ir.values, directionCount, measuredLength, fileName);
  let maxDelay = 0;
  for (const delay of delaySamples) maxDelay = Math.max(maxDelay, delay);
  const irLength = measuredLength + maxDelay;
  const left = new Float32Array(directionCount * irLength);
  const right = new Float32Array(directionCount * irLength);
  for (let m = 0; m < directionCount; m++) {
    for (let r = 0; r < RECEIVER_COUNT; r++) {
      const source = ir.values.subarray((m * RECEIVER_COUNT + r) * measuredLength, (m * RECEIVER_COUNT + r + 1) * measuredLength);
      const target = r === 0 ? left : right;
      target.set(source, m * irLength + delaySamples[m * RECEIVER_COUNT + r]!);
    }
  }
  return {
    name: setName(file, fileName),
    provenance: PROVENANCE_ATTRIBUTES.flatMap((attribute) => {
      const value = readStringAttribute(file, attribute);
      return value === undefined ? [] : [`${attribute}: ${value}`];
    }).join('; '),
    sampleRateHz,
    directionCount,
    irLength,
    ...directions,
    left,
    right,
  };
}

/** Checks Data.IR's declared shape M x R x N against sofaLimits.ts, before its values are read. */
function checkIrShape(shape: readonly number[], fileName: string): { directionCount: number; measuredLength: number } {
  const [directionCount, receiverCount, measuredLength] = shape;
  if (shape.length !== 3 || directionCount === undefined || receiverCount === undefined || measuredLength === undefined) {
    throw new FieldError(fileName, 'Data.IR', `expected dimensions M x R x N, got ${describeShape(shape)}`);
  }
  if (receiverCount !== RECEIVER_COUNT) {
    throw new FieldError(fileName, 'Data.IR', `expected R = 2 receivers (left and right ear) in M x R x N, got ${describeShape(shape)}`);
  }
  if (directionCount < MIN_SOFA_MEASUREMENTS || directionCount > MAX_SOFA_MEASUREMENTS) {
    throw new FieldError(
      fileName,
      'Data.IR',
      `expected M from ${MIN_SOFA_MEASUREMENTS} to ${MAX_SOFA_MEASUREMENTS} measurements (the interpolation triangulates the sphere between at least ${MIN_SOFA_MEASUREMENTS} directions), got ${describeShape(shape)}`,
    );
  }
  if (measuredLength < 1 || measuredLength > MAX_SOFA_IR_LENGTH || directionCount * RECEIVER_COUNT * measuredLength > MAX_SOFA_IR_VALUES) {
    throw new FieldError(
      fileName,
      'Data.IR',
      `expected N from 1 to ${MAX_SOFA_IR_LENGTH} samples and M x R x N at most ${MAX_SOFA_IR_VALUES} values, got ${describeShape(shape)}`,
    );
  }
  return { directionCount, measuredLength };
}

/**
 * Refuses samples that are not finite or that overflow float32 (the renderer's format),
 * and HRIRs that are all zeros (no direction or ITD can be measured from silence).
 */
function checkIrValues(values: Float64Array, directionCount: number, measuredLength: number, fileName: string): void {
  for (let m = 0; m < directionCount; m++) {
    for (let r = 0; r < RECEIVER_COUNT; r++) {
      const start = (m * RECEIVER_COUNT + r) * measuredLength;
      let silent = true;
      for (let n = 0; n < measuredLength; n++) {
        const value = values[start + n]!;
        if (!(Math.abs(value) <= MAX_FLOAT32)) {
          throw new FieldError(fileName, `Data.IR[${m}][${r}][${n}]`, `expected a finite sample within float32's range (+-3.4e38), got ${value}`);
        }
        if (value !== 0) silent = false;
      }
      if (silent) throw new FieldError(fileName, `Data.IR[${m}][${r}]`, `expected a measured response, got ${measuredLength} zeros`);
    }
  }
}

function expectGlobal(file: File, attribute: string, expected: string, fileName: string): void {
  const value = readStringAttribute(file, attribute);
  if (value !== expected) {
    throw new FieldError(fileName, `GLOBAL:${attribute}`, `expected "${expected}", got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
}

function readSamplingRate(file: File, fileName: string): number {
  const dataset = findDataset(file, 'Data.SamplingRate', fileName);
  if (dataset === undefined) throw new FieldError(fileName, 'Data.SamplingRate', 'missing; expected one sample rate in hertz');
  const units = readStringAttribute(dataset, 'Units');
  if (units !== undefined && units.toLowerCase() !== 'hertz') {
    throw new FieldError(fileName, 'Data.SamplingRate:Units', `expected "hertz", got ${JSON.stringify(units)}`);
  }
  const { shape, values } = readNumericDataset(dataset, fileName, 'Data.SamplingRate', MAX_SOFA_MEASUREMENTS);
  const rateHz = values[0];
  if (values.length !== 1 || rateHz === undefined) {
    throw new FieldError(fileName, 'Data.SamplingRate', `expected a single value (dimension I), got shape ${describeShape(shape)}`);
  }
  if (!isReadableSampleRate(rateHz)) {
    throw new FieldError(fileName, 'Data.SamplingRate', `expected a whole number of hertz from ${MIN_FILE_SAMPLE_RATE_HZ} to ${MAX_FILE_SAMPLE_RATE_HZ}, got ${rateHz}`);
  }
  return rateHz;
}

/**
 * Delay per measurement and receiver (M x R, flat) in whole samples, from 0 to
 * MAX_SOFA_DELAY_SEC, and short enough that the delayed IRs keep within sofaLimits.ts.
 */
function readDelays(file: File, directionCount: number, measuredLength: number, sampleRateHz: number, fileName: string): Int32Array {
  const delays = new Int32Array(directionCount * RECEIVER_COUNT);
  const dataset = findDataset(file, 'Data.Delay', fileName);
  if (dataset === undefined) return delays;
  const { shape, values } = readNumericDataset(dataset, fileName, 'Data.Delay', directionCount * RECEIVER_COUNT);
  const rows = shape[0];
  if (shape.length !== 2 || shape[1] !== RECEIVER_COUNT || (rows !== 1 && rows !== directionCount)) {
    throw new FieldError(fileName, 'Data.Delay', `expected 1 x R or M x R = ${describeShape([directionCount, RECEIVER_COUNT])}, got ${describeShape(shape)}`);
  }
  const maxDelay = Math.min(
    Math.floor(MAX_SOFA_DELAY_SEC * sampleRateHz),
    MAX_SOFA_IR_LENGTH - measuredLength,
    Math.floor(MAX_SOFA_IR_VALUES / (directionCount * RECEIVER_COUNT)) - measuredLength,
  );
  for (let i = 0; i < delays.length; i++) {
    const delay = rows === 1 ? values[i % RECEIVER_COUNT]! : values[i]!;
    if (!(delay >= 0 && Math.round(delay) <= maxDelay)) {
      throw new FieldError(
        fileName,
        'Data.Delay',
        `expected delays from 0 to ${maxDelay} samples (at most ${MAX_SOFA_DELAY_SEC * 1000} ms, and IRs of N + delay at most ${MAX_SOFA_IR_LENGTH} samples), got ${delay}`,
      );
    }
    delays[i] = Math.round(delay);
  }
  return delays;
}

/**
 * Refuses listeners that are not at the origin looking along +x with +z up, since the
 * source directions are then not head-related as read. Absent variables take these
 * defaults. A direction may be given in either coordinate type.
 */
function checkListener(file: File, fileName: string): void {
  checkListenerVector(file, 'ListenerPosition', [0, 0, 0], 'a listener at the origin', fileName);
  checkListenerVector(file, 'ListenerView', [1, 0, 0], 'a listener looking to the front, +x', fileName);
  checkListenerVector(file, 'ListenerUp', [0, 0, 1], 'a listener with +z up', fileName);
}

function checkListenerVector(file: File, name: string, expected: readonly number[], meaning: string, fileName: string): void {
  const dataset = findDataset(file, name, fileName);
  if (dataset === undefined) return;
  const { shape, values } = readNumericDataset(dataset, fileName, name, 3 * MAX_SOFA_MEASUREMENTS);
  if (shape.length !== 2 || shape[1] !== 3) throw new FieldError(fileName, name, `expected I x C or M x C (C = 3), got ${describeShape(shape)}`);
  const spherical = readStringAttribute(dataset, 'Type') === 'spherical';
  const isPosition = name === 'ListenerPosition';
  for (let row = 0; row < values.length / 3; row++) {
    const vector = spherical ? sphericalToCartesian(values, row) : [values[3 * row]!, values[3 * row + 1]!, values[3 * row + 2]!];
    const length = Math.hypot(vector[0]!, vector[1]!, vector[2]!);
    const scale = isPosition ? 1 : length;
    const matches = (isPosition || length > 0) && vector.every((value, i) => Math.abs(value / scale - expected[i]!) < 1e-6);
    if (!matches) {
      throw new FieldError(fileName, `${name}[${row}]`, `only ${meaning} is supported (${describeShape(expected)}), got ${describeShape(vector)}`);
    }
  }
}

function sphericalToCartesian(values: Float64Array, row: number): number[] {
  const azimuthRad = (values[3 * row]! * Math.PI) / 180;
  const elevationRad = (values[3 * row + 1]! * Math.PI) / 180;
  const radius = values[3 * row + 2]!;
  return [
    radius * Math.cos(elevationRad) * Math.cos(azimuthRad),
    radius * Math.cos(elevationRad) * Math.sin(azimuthRad),
    radius * Math.sin(elevationRad),
  ];
}

function setName(file: File, fileName: string): string {
  const title = readStringAttribute(file, 'Title');
  if (title !== undefined) return title;
  const parts = [readStringAttribute(file, 'DatabaseName'), readStringAttribute(file, 'ListenerShortName')].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : fileName;
}
