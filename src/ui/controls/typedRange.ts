/** The values a typed field accepts, with the unit its message names. */
export interface TypedRange {
  readonly min: number;
  readonly max: number;
}

export type TypedValueCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** "+24" for positive values of a signed range, as the fields show gains; plain otherwise. */
function formatLimit(value: number, signed: boolean): string {
  const text = String(Math.round(value * 1000) / 1000);
  return signed && value > 0 ? `+${text}` : text;
}

/**
 * A typed value inside `range` is taken as it is; one outside is refused (never silently
 * clamped) with a message naming the field, what was typed and the range:
 * "Gain: +30 dB is out of range: type -120 to +24 dB."
 */
export function checkTypedValue(value: number, range: TypedRange, label: string, unit: string): TypedValueCheck {
  if (value >= range.min && value <= range.max) return { ok: true, value };
  const signed = range.min < 0;
  const withUnit = (text: string): string => (unit === '' ? text : unit === '°' || unit === '%' ? `${text}${unit}` : `${text} ${unit}`);
  return {
    ok: false,
    message: `${label}: ${withUnit(formatLimit(value, signed))} is out of range: type ${formatLimit(range.min, signed)} to ${withUnit(formatLimit(range.max, signed))}.`,
  };
}
