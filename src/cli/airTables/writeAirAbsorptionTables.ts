/**
 * `npm run air:tables`: fits the air absorption table for each of the scene's sample rates
 * (render/objects/airAbsorptionDesign.ts) and writes them to
 * src/render/objects/airAbsorptionTables.json, which the renderer ships so that Node and
 * the browser filter with the same numbers. Run it after changing the fit.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_SAMPLE_RATES_HZ } from '../../core/scene/scene';
import { fitAirAbsorptionTable } from '../../render/objects/airAbsorptionDesign';

const OUTPUT = fileURLToPath(new URL('../../render/objects/airAbsorptionTables.json', import.meta.url));

const tables: Record<string, number[]> = {};
for (const rate of SUPPORTED_SAMPLE_RATES_HZ) {
  tables[String(rate)] = Array.from(fitAirAbsorptionTable(rate).sections);
  console.log(`fitted the air absorption table at ${rate} Hz`);
}
const about = 'Air absorption per ISO 9613-1 as three IIR sections per distance (r, theta, c1, c2 each), fitted by npm run air:tables (src/render/objects/airAbsorptionDesign.ts); do not edit by hand.';
await writeFile(OUTPUT, `${JSON.stringify({ about, tables })}\n`);
console.log(`wrote ${OUTPUT}`);
