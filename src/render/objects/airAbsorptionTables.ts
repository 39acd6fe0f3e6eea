import shipped from './airAbsorptionTables.json';
import { fitAirAbsorptionTable } from './airAbsorptionDesign';
import type { AirAbsorptionTable } from './airAbsorptionDesign';

/**
 * The air absorption tables, one per sample rate. The scene's rates use the fits shipped
 * in airAbsorptionTables.json (written by `npm run air:tables`): the fit is iterative, and
 * the last-digit differences between the JavaScript engines of Node and of the browser
 * grew through it into filters 1e-5 apart, so an export no longer nulled against the
 * command line's render of the same scene (-99 dBFS, against -144 with shared numbers).
 * Shipping them also keeps the fit (0.3-1 s) off the audio thread. Another rate is fitted
 * here, once.
 */
const tables = new Map<number, AirAbsorptionTable>(
  Object.entries(shipped.tables).map(([rate, sections]) => [Number(rate), { sections: Float64Array.from(sections) }]),
);

/** The table for `sampleRateHz`: shipped, or fitted once and kept. */
export function airAbsorptionTable(sampleRateHz: number): AirAbsorptionTable {
  let table = tables.get(sampleRateHz);
  if (table === undefined) {
    table = fitAirAbsorptionTable(sampleRateHz);
    tables.set(sampleRateHz, table);
  }
  return table;
}
