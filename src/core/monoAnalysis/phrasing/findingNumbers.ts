import { withSign } from '../../formatUnits';

/**
 * How a finding's figures are written, wherever it is shown: dB to one decimal, and to
 * two below 1 dB, so that the small losses of a quiet source do not all read "0.0".
 * Times, frequencies and correlations: core/formatUnits.ts.
 */

/** An amount of dB without its sign (the words say which way): "8.4 dB", "0.35 dB". */
export function dbAmount(db: number): string {
  const amount = Math.abs(db);
  return `${amount.toFixed(decimals(amount))} dB`;
}

/** A change or a loss with its sign: "+8.4 dB", "-0.96 dB", "0.00 dB". */
export function dbChange(db: number): string {
  return `${withSign(db.toFixed(decimals(Math.abs(db))))} dB`;
}

/** At or below this a mono sum is silence for practice (the findings' own-loss floor, render/analysis/findingFigures.ts). */
export const CANCELLED_DB = -60;

/** A mono sum vs stereo in words, its sign in the verb: "loses 3.5 dB", "gains 1.2 dB", "keeps its level", "cancels". */
export function monoChangePhrase(monoVsStereoDb: number): string {
  if (monoVsStereoDb <= CANCELLED_DB) return 'cancels';
  const shown = dbAmount(monoVsStereoDb);
  if (shown === '0.00 dB') return 'keeps its level';
  return `${monoVsStereoDb < 0 ? 'loses' : 'gains'} ${shown}`;
}

/** A delay without its sign (the words say which channel lags): "12.0 ms". */
export function msAmount(ms: number): string {
  return `${Math.abs(ms).toFixed(1)} ms`;
}

export function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function decimals(amount: number): number {
  return amount < 1 ? 2 : 1;
}
