/**
 * Typed reads of HDF5 attributes and datasets through h5wasm, for file readers that
 * validate what they find (SOFA). Numbers come back as Float64Array in the dataset's
 * row-major order, with the shape beside them.
 */
import { Dataset } from 'h5wasm';
import type { File, Group } from 'h5wasm';
import { FieldError } from '../core/fieldError';

export interface NumericArray {
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

/** A string attribute of the file (`GLOBAL:name`) or of a dataset; undefined when absent or empty. */
export function readStringAttribute(holder: Group | Dataset, name: string): string | undefined {
  const attribute = holder.attrs[name];
  if (attribute === undefined) return undefined;
  const value = attribute.value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A dataset at the root of `file`, or undefined when there is none. */
export function findDataset(file: File, name: string, fileName: string): Dataset | undefined {
  if (!file.keys().includes(name)) return undefined;
  const entity = file.get(name);
  if (!(entity instanceof Dataset)) throw new FieldError(fileName, name, 'expected a dataset (a SOFA variable)');
  return entity;
}

/**
 * The values of a numeric (integer or floating-point) dataset, refused before they are
 * read when its shape holds more than `maxValues`.
 */
export function readNumericDataset(dataset: Dataset, fileName: string, field: string, maxValues: number): NumericArray {
  const shape = dataset.shape ?? [];
  const valueCount = shape.reduce((product, size) => product * size, 1);
  if (valueCount > maxValues) {
    throw new FieldError(fileName, field, `expected at most ${maxValues} values, got shape ${describeShape(shape)} (${valueCount} values)`);
  }
  const value = dataset.value;
  if (typeof value === 'number') return { shape, values: Float64Array.of(value) };
  if (
    value instanceof Float64Array ||
    value instanceof Float32Array ||
    value instanceof Int8Array ||
    value instanceof Uint8Array ||
    value instanceof Int16Array ||
    value instanceof Uint16Array ||
    value instanceof Int32Array ||
    value instanceof Uint32Array
  ) {
    return { shape, values: value instanceof Float64Array ? value : Float64Array.from(value) };
  }
  throw new FieldError(fileName, field, 'expected numbers (an integer or floating-point dataset)');
}

/** `[a, b, c]` for error messages. */
export function describeShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
