/**
 * An error in a field of a file the user gave us. Its message names the file, the JSON
 * path of the field, what was expected and what was found, for example
 *   scenes/x.json: sources[2].position.azimuthDeg: expected a number in (-180, 180], got "left"
 */
export class FieldError extends Error {
  readonly fileName: string;
  readonly path: string;

  constructor(fileName: string, path: string, problem: string) {
    super(`${fileName}: ${path === '' ? '' : `${path}: `}${problem}`);
    this.name = 'FieldError';
    this.fileName = fileName;
    this.path = path;
  }
}

/** A short, readable rendering of a found value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Joins a JSON path and a key: `sources[2]` + `position` -> `sources[2].position`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}
