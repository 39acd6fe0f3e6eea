/**
 * How times, frequencies and correlations are written for people: the findings, the
 * command line's reports and the UI use one style (in core so that the UI, which may not
 * import render, shares it).
 */

/** Seconds as m:ss.s: "0:05.5", "0:23.5", "12:00.0" (negative shows as 0). */
export function clock(seconds: number): string {
  const tenths = Math.max(0, Math.round(seconds * 10));
  const minutes = Math.floor(tenths / 600);
  const rest = (tenths - minutes * 600) / 10;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}

/**
 * A frequency to three significant figures, which writes the nominal band centres as they
 * are labelled ("31.5 Hz", "1 kHz", "1.25 kHz", "12.5 kHz") and a measured one, such as a
 * comb's notch, without false precision ("346 Hz", "1.23 kHz").
 */
export function frequency(hz: number): string {
  const rounded = Number(hz.toPrecision(3));
  return rounded >= 1000 ? `${rounded / 1000} kHz` : `${rounded} Hz`;
}

/** A correlation with its sign, two decimals: "+0.98", "-1.00", "0.00". */
export function correlation(value: number): string {
  return withSign(value.toFixed(2));
}

/** "+" before a positive number written as text; a rounded zero has no sign: "+3.0", "-0.35", "0.00". */
export function withSign(text: string): string {
  const rounded = Number(text);
  if (rounded === 0) return text.replace('-', '');
  return rounded > 0 ? `+${text}` : text;
}
