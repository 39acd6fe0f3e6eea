import { describe, expect, it } from 'vitest';
import { STANDARD_AIR, airAttenuationDbPerM } from '../../../../src/render/objects/airAbsorption';

/**
 * Pure-tone attenuation coefficients, dB/km, at the exact octave mid-band frequencies
 * 1000 x 10^(k/10) (63 Hz ... 8 kHz), as ISO 9613-2:1996 Table 2 lists them, computed there
 * with ISO 9613-1 at 101.325 kPa. The formula must give each within the table's rounding
 * (half of its last digit: 0.05 dB/km, 0.5 above 100) plus 0.01 dB/km (a value on the half, such as
 * 4.151 at 1 kHz, 15 C, 80 %, printed 4.1).
 */
const TABLE: readonly { temperatureC: number; relativeHumidityPercent: number; dbPerKm: readonly number[] }[] = [
  { temperatureC: 10, relativeHumidityPercent: 70, dbPerKm: [0.1, 0.4, 1.0, 1.9, 3.7, 9.7, 32.8, 117] },
  { temperatureC: 20, relativeHumidityPercent: 70, dbPerKm: [0.1, 0.3, 1.1, 2.8, 5.0, 9.0, 22.9, 76.6] },
  { temperatureC: 30, relativeHumidityPercent: 70, dbPerKm: [0.1, 0.3, 1.0, 3.1, 7.4, 12.7, 23.1, 59.3] },
  { temperatureC: 15, relativeHumidityPercent: 20, dbPerKm: [0.3, 0.6, 1.2, 2.7, 8.2, 28.2, 88.8, 202] },
  { temperatureC: 15, relativeHumidityPercent: 50, dbPerKm: [0.1, 0.5, 1.2, 2.2, 4.2, 10.8, 36.2, 129] },
  { temperatureC: 15, relativeHumidityPercent: 80, dbPerKm: [0.1, 0.3, 1.1, 2.4, 4.1, 8.3, 23.7, 82.8] },
];
const OCTAVE_CENTRES_HZ = [-12, -9, -6, -3, 0, 3, 6, 9].map((k) => 1000 * 10 ** (k / 10));

describe('air attenuation coefficient alpha(f), ISO 9613-1', () => {
  for (const row of TABLE) {
    it(`matches the table at ${row.temperatureC} C, ${row.relativeHumidityPercent} % RH within its rounding`, () => {
      const air = { ...STANDARD_AIR, temperatureC: row.temperatureC, relativeHumidityPercent: row.relativeHumidityPercent };
      row.dbPerKm.forEach((tableDbPerKm, i) => {
        const dbPerKm = 1000 * airAttenuationDbPerM(OCTAVE_CENTRES_HZ[i]!, air);
        const rounding = tableDbPerKm < 100 ? 0.05 : 0.5;
        expect(Math.abs(dbPerKm - tableDbPerKm), `${OCTAVE_CENTRES_HZ[i]!.toFixed(0)} Hz: ${dbPerKm.toFixed(3)} dB/km`).toBeLessThanOrEqual(rounding + 0.01);
      });
    });
  }

  it('uses 20 C, 50 % RH, 101.325 kPa by default: 2.73 dB/km at 500 Hz, 4.66 at 1 kHz, 29.7 at 4 kHz (0.01 dB/km, the formula at these nominal frequencies)', () => {
    expect(STANDARD_AIR).toEqual({ temperatureC: 20, relativeHumidityPercent: 50, pressureKpa: 101.325 });
    expect(Math.abs(1000 * airAttenuationDbPerM(500) - 2.73)).toBeLessThan(0.01);
    expect(Math.abs(1000 * airAttenuationDbPerM(1000) - 4.66)).toBeLessThan(0.01);
    expect(Math.abs(1000 * airAttenuationDbPerM(4000) - 29.67)).toBeLessThan(0.01);
    expect(airAttenuationDbPerM(0)).toBe(0);
  });
});
