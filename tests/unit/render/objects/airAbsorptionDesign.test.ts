import { describe, expect, it } from 'vitest';
import { airAttenuationDbPerM } from '../../../../src/render/objects/airAbsorption';
import {
  AIR_SECTIONS,
  AIR_PARAMETERS,
  MAX_POLE_RADIUS,
  airAbsorptionSections,
  fitAirAbsorptionTable,
  sectionsResponseDb,
} from '../../../../src/render/objects/airAbsorptionDesign';
import { airAbsorptionTable } from '../../../../src/render/objects/airAbsorptionTables';

/** Excess distances from 1 cm to 999 m, 40 per decade: table entries (6 per octave from 5 cm) and the points between. */
const DISTANCES_M = Array.from({ length: 201 }, (_, j) => 0.01 * Math.pow(99900, j / 200));
/** 20 Hz to 16 kHz, 40 log-spaced frequencies. */
const FREQUENCIES_HZ = Array.from({ length: 40 }, (_, i) => 20 * Math.pow(800, i / 39));

describe('air absorption design (three second-order sections following alpha(f) d)', () => {
  for (const sampleRateHz of [44100, 48000, 88200, 96000]) {
    it(`follows -alpha(f) d within 0.5 dB where the loss is at most 20 dB and 1 dB where at most 30 dB, takes at least 28 dB beyond, for 1 cm to 999 m and 20 Hz to 16 kHz, at ${sampleRateHz} Hz`, () => {
      const table = airAbsorptionTable(sampleRateHz);
      const sections = new Float64Array(AIR_PARAMETERS);
      for (const distanceM of DISTANCES_M) {
        airAbsorptionSections(table, distanceM, sections);
        for (const frequencyHz of FREQUENCIES_HZ) {
          const lossDb = airAttenuationDbPerM(frequencyHz) * distanceM;
          const gotDb = sectionsResponseDb(sections, frequencyHz, sampleRateHz);
          const where = `${distanceM.toFixed(2)} m, ${frequencyHz.toFixed(0)} Hz: ${gotDb.toFixed(2)} dB, theory ${(-lossDb).toFixed(2)} dB`;
          if (lossDb <= 20) expect(Math.abs(gotDb + lossDb), where).toBeLessThan(0.5);
          else if (lossDb <= 30) expect(Math.abs(gotDb + lossDb), where).toBeLessThan(1);
          else expect(gotDb, where).toBeLessThan(-28);
        }
        // 0 dB at DC: air takes nothing there.
        expect(Math.abs(sectionsResponseDb(sections, 0, sampleRateHz))).toBeLessThan(1e-9);
      }
    });

    it(`keeps every pole inside the unit circle (radius below ${MAX_POLE_RADIUS}) at the table's entries and between them, at ${sampleRateHz} Hz`, () => {
      const table = airAbsorptionTable(sampleRateHz);
      const sections = new Float64Array(AIR_PARAMETERS);
      for (const distanceM of [...DISTANCES_M, 0, 1e-9, 5000]) {
        airAbsorptionSections(table, distanceM, sections);
        for (let k = 0; k < AIR_SECTIONS; k++) {
          const radius = sections[k * 4]!;
          expect(radius).toBeGreaterThan(0);
          expect(radius).toBeLessThan(MAX_POLE_RADIUS);
        }
      }
      // The entries themselves: r is bounded by construction, every stored value is finite.
      expect(table.sections.every((v) => Number.isFinite(v))).toBe(true);
    });
  }

  it('is one table per rate, shared', () => {
    expect(airAbsorptionTable(48000)).toBe(airAbsorptionTable(48000));
  });

  // The shipped tables (airAbsorptionTables.json) are what the fit gives: fitted here again,
  // the two filters agree within 0.01 dB over the distances and frequencies above, so the
  // data cannot drift from the design it comes from (npm run air:tables writes it).
  it.each([44100, 48000, 88200, 96000])('ships at %i Hz the table the fit makes (responses within 0.01 dB)', (sampleRateHz) => {
    const shipped = new Float64Array(AIR_PARAMETERS);
    const fitted = new Float64Array(AIR_PARAMETERS);
    const fit = fitAirAbsorptionTable(sampleRateHz);
    let worstDb = 0;
    for (const distanceM of DISTANCES_M) {
      airAbsorptionSections(airAbsorptionTable(sampleRateHz), distanceM, shipped);
      airAbsorptionSections(fit, distanceM, fitted);
      for (const frequencyHz of FREQUENCIES_HZ) {
        if (airAttenuationDbPerM(frequencyHz) * distanceM > 30) continue;
        worstDb = Math.max(worstDb, Math.abs(sectionsResponseDb(shipped, frequencyHz, sampleRateHz) - sectionsResponseDb(fitted, frequencyHz, sampleRateHz)));
      }
    }
    expect(worstDb).toBeLessThan(0.01);
  });
});
