import { FieldError, childPath, describeValue } from './fieldError';

/**
 * Reads typed fields from parsed JSON, throwing a FieldError that names the file, the
 * JSON path, the expectation and the value found. Fields not read are collected by
 * `remainingFields` so callers can report unknown fields instead of dropping them.
 */
export interface JsonObjectReader {
  readonly path: string;
  number(key: string, check: NumberCheck): number;
  optionalNumber(key: string, check: NumberCheck): number | undefined;
  string(key: string, check?: StringCheck): string;
  optionalString(key: string, check?: StringCheck): string | undefined;
  boolean(key: string): boolean;
  optionalBoolean(key: string): boolean | undefined;
  object(key: string): JsonObjectReader;
  optionalObject(key: string): JsonObjectReader | undefined;
  array(key: string): readonly unknown[];
  has(key: string): boolean;
  /** Fields present in the object that no call above has read, in file order. */
  remainingFields(): Record<string, unknown>;
  fail(key: string, problem: string): never;
}

export interface NumberCheck {
  /** Human description used in messages, e.g. "a number in (-180, 180]". */
  readonly expected: string;
  readonly accept: (value: number) => boolean;
}

export interface StringCheck {
  readonly expected: string;
  readonly accept: (value: string) => boolean;
}

/** A finite number in [min, max] (or with open ends when asked). */
export function numberIn(min: number, max: number, open: { min?: boolean; max?: boolean } = {}): NumberCheck {
  const lo = open.min === true ? '(' : '[';
  const hi = open.max === true ? ')' : ']';
  return {
    expected: `a number in ${lo}${min}, ${max}${hi}`,
    accept: (v) =>
      Number.isFinite(v) && (open.min === true ? v > min : v >= min) && (open.max === true ? v < max : v <= max),
  };
}

export function readJsonObject(value: unknown, fileName: string, path: string): JsonObjectReader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldError(fileName, path, `expected an object, got ${describeValue(value)}`);
  }
  const record = value as Record<string, unknown>;
  const read = new Set<string>();
  const fail = (key: string, problem: string): never => {
    throw new FieldError(fileName, childPath(path, key), problem);
  };
  const get = (key: string): unknown => {
    read.add(key);
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  };
  const numberField = (key: string, check: NumberCheck, optional: boolean): number | undefined => {
    const v = get(key);
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number' || !check.accept(v)) fail(key, `expected ${check.expected}, got ${describeValue(v)}`);
    return v as number;
  };
  const stringField = (key: string, check: StringCheck | undefined, optional: boolean): string | undefined => {
    const v = get(key);
    if (v === undefined && optional) return undefined;
    const expected = check?.expected ?? 'a string';
    if (typeof v !== 'string' || (check !== undefined && !check.accept(v))) {
      fail(key, `expected ${expected}, got ${describeValue(v)}`);
    }
    return v as string;
  };
  const booleanField = (key: string, optional: boolean): boolean | undefined => {
    const v = get(key);
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'boolean') fail(key, `expected true or false, got ${describeValue(v)}`);
    return v as boolean;
  };
  const reader: JsonObjectReader = {
    path,
    number: (key, check) => numberField(key, check, false) as number,
    optionalNumber: (key, check) => numberField(key, check, true),
    string: (key, check) => stringField(key, check, false) as string,
    optionalString: (key, check) => stringField(key, check, true),
    boolean: (key) => booleanField(key, false) as boolean,
    optionalBoolean: (key) => booleanField(key, true),
    object: (key) => readJsonObject(get(key), fileName, childPath(path, key)),
    optionalObject: (key) => {
      const v = get(key);
      return v === undefined ? undefined : readJsonObject(v, fileName, childPath(path, key));
    },
    array: (key) => {
      const v = get(key);
      if (!Array.isArray(v)) fail(key, `expected an array, got ${describeValue(v)}`);
      return v as unknown[];
    },
    has: (key) => Object.prototype.hasOwnProperty.call(record, key),
    remainingFields: () => {
      const rest: Record<string, unknown> = {};
      // Defined, not assigned: a "__proto__" key stays a plain field instead of setting rest's prototype.
      for (const key of Object.keys(record)) {
        if (!read.has(key)) Object.defineProperty(rest, key, { value: record[key], enumerable: true, writable: true, configurable: true });
      }
      return rest;
    },
    fail,
  };
  return reader;
}
