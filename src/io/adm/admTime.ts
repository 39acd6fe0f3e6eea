/**
 * ADM times (ITU-R BS.2076-2 timecode): `hh:mm:ss.fffff` (decimal fraction of a second,
 * any number of digits) or `hh:mm:ss.fffffSsssss` (fffff samples at a rate of sssss per
 * second). Read as seconds; written with nine decimals, so a time that is a whole number
 * of nanoseconds (every time read from a decimal of up to nine digits) is written and
 * read back exactly.
 */

const TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,18})(?:S(\d{1,9}))?)?$/;
const NS_PER_SECOND = 1_000_000_000;

/** The seconds of an ADM time, or undefined when `text` is not one. */
export function parseAdmTime(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (match === null) return undefined;
  const whole = (Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3]);
  const fraction = match[4];
  if (fraction === undefined) return whole;
  if (match[5] !== undefined) {
    const rate = Number(match[5]);
    const samples = Number(fraction);
    if (rate === 0 || samples >= rate) return undefined;
    return whole + samples / rate;
  }
  const nanoseconds = Math.round(Number(`0.${fraction}`) * NS_PER_SECOND);
  return (whole * NS_PER_SECOND + nanoseconds) / NS_PER_SECOND;
}

/** `seconds` (0 to 100 hours, below which nine decimals round-trip exactly) as an ADM time with nine decimals. */
export function formatAdmTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0 || seconds >= 100 * 3600) throw new RangeError(`formatAdmTime: ${seconds} s (expected 0 to 100 hours)`);
  const totalNs = Math.round(seconds * NS_PER_SECOND);
  const ns = totalNs % NS_PER_SECOND;
  const totalSeconds = (totalNs - ns) / NS_PER_SECOND;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(totalSeconds / 3600))}:${two(Math.floor(totalSeconds / 60) % 60)}:${two(totalSeconds % 60)}.${String(ns).padStart(9, '0')}`;
}
