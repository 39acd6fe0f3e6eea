/**
 * An error in a field of a file the user gave us. Its message names the file, the JSON
 * path of the field, what was expected and what was found, for example
 *   scenes/x.json: sources[2].position.azimuthDeg: expected a number in (-180, 180], got "left"
 */
export class FieldError extends Error {
  readonly fileName: string;
  readonly path: string;
  /** What was wrong, without the file and the path. */
  readonly problem: string;

  constructor(fileName: string, path: string, problem: string) {
    super(`${fileName}: ${path === '' ? '' : `${path}: `}${problem}`);
    this.name = 'FieldError';
    this.fileName = fileName;
    this.path = path;
    this.problem = problem;
  }
}

/** A short, readable rendering of a found value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(`${value.slice(0, 40)}...`)} (${value.length} characters)` : JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Longest key written as it is in a path; longer keys are cut (their length said). */
const MAX_PATH_KEY_CHARS = 64;

/**
 * Joins a JSON path and a key: `sources[2]` + `position` -> `sources[2].position`. A key
 * that is not a plain name (spaces, control characters, quotes...) is written quoted and
 * escaped, `mixer["a b"]`, and a very long one cut, so a path is always one short line.
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= MAX_PATH_KEY_CHARS) return path === '' ? key : `${path}.${key}`;
  const shown = key.length > MAX_PATH_KEY_CHARS ? `${key.slice(0, MAX_PATH_KEY_CHARS)}...(${key.length} characters)` : key;
  return `${path}[${JSON.stringify(shown)}]`;
}

/** How many problems a FieldErrors message lists before "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Every problem found in one file, refused together: the message lists the first
 * MAX_LISTED_PROBLEMS, one per line, then "and N more". `problems` holds them all.
 */
export class FieldErrors extends FieldError {
  readonly problems: readonly FieldError[];

  constructor(fileName: string, problems: readonly FieldError[]) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${p.path === '' ? '' : `${p.path}: `}${p.problem}`);
    const more = problems.length - listed.length;
    super(fileName, '', [`${problems.length} problems:`, ...listed, ...(more > 0 ? [`  and ${more} more`] : [])].join('\n'));
    this.name = 'FieldErrors';
    this.problems = problems;
  }
}
