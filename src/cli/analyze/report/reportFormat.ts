import { withSign } from '../../../core/formatUnits';

/** Number formatting shared by the text and HTML reports (times, frequencies and correlations: core/formatUnits.ts). */

/** Readings at or below this are the meters' -150 floor: silence, or a total cancellation. */
const FLOOR = -149.95;

/** A level with `digits` decimals and its sign, "-inf" at the meters' floor: "+3.0", "-12.4", "-inf". */
export function signedDb(value: number, digits = 1): string {
  if (!Number.isFinite(value) || value <= FLOOR) return value > 0 ? '+inf' : '-inf';
  return withSign(value.toFixed(digits));
}

/** An absolute level (LUFS, dBTP, dBFS), "-inf" at the floor: "-23.0". */
export function level(value: number, digits = 1): string {
  if (!Number.isFinite(value) || value <= FLOOR) return '-inf';
  return value.toFixed(digits);
}

/**
 * A plain-text table: columns padded to their widest cell, numbers (cells starting with
 * a digit, a sign or "-inf") right-aligned, text left-aligned; two spaces between columns.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => /^[+-]?(\d|inf)/.test(row[c] ?? '')));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
