/**
 * Atmospheric absorption of sound, ISO 9613-1:1993 (Acoustics - Attenuation of sound
 * during propagation outdoors - Part 1: Calculation of the absorption of sound by the
 * atmosphere), section 6 equations (3) to (5) and Annex B for the humidity:
 *
 *   psat / pr = 10^C,  C = -6.8346 (T01 / T)^1.261 + 4.6151         (saturation vapour pressure)
 *   h = hr (psat / pr) / (pa / pr)                                   (molar concentration of water vapour, %)
 *   frO = (pa / pr) (24 + 4.04e4 h (0.02 + h) / (0.391 + h))         (oxygen relaxation frequency, Hz)
 *   frN = (pa / pr) (T / T0)^(-1/2) (9 + 280 h exp(-4.170 ((T / T0)^(-1/3) - 1)))   (nitrogen, Hz)
 *   alpha = 8.686 f^2 [ 1.84e-11 (pa / pr)^-1 (T / T0)^(1/2)
 *           + (T / T0)^(-5/2) ( 0.01275 exp(-2239.1 / T) / (frO + f^2 / frO)
 *                             + 0.1068 exp(-3352.0 / T) / (frN + f^2 / frN) ) ]   dB/m,
 *
 * with T in kelvin, pa the ambient pressure, pr = 101.325 kPa, T0 = 293.15 K,
 * T01 = 273.16 K, hr the relative humidity in percent. A sound travelling d metres loses
 * alpha(f) d dB to the air on top of its spreading. The studio's air is STANDARD_AIR:
 * 20 degrees C, 50 % relative humidity, 101.325 kPa (e.g. 2.7 dB/km at 500 Hz, 4.7 at
 * 1 kHz, 30 at 4 kHz).
 */
export interface AirConditions {
  readonly temperatureC: number;
  readonly relativeHumidityPercent: number;
  readonly pressureKpa: number;
}

export const STANDARD_AIR: AirConditions = { temperatureC: 20, relativeHumidityPercent: 50, pressureKpa: 101.325 };

const REFERENCE_PRESSURE_KPA = 101.325;
const REFERENCE_TEMPERATURE_K = 293.15;
const TRIPLE_POINT_K = 273.16;

/** Attenuation coefficient alpha(f) of ISO 9613-1, dB per metre, at `frequencyHz` in `air`. */
export function airAttenuationDbPerM(frequencyHz: number, air: AirConditions = STANDARD_AIR): number {
  const t = air.temperatureC + 273.15;
  const pressureRatio = air.pressureKpa / REFERENCE_PRESSURE_KPA;
  const tRatio = t / REFERENCE_TEMPERATURE_K;
  const c = -6.8346 * Math.pow(TRIPLE_POINT_K / t, 1.261) + 4.6151;
  const h = (air.relativeHumidityPercent * Math.pow(10, c)) / pressureRatio;
  const frO = pressureRatio * (24 + (4.04e4 * h * (0.02 + h)) / (0.391 + h));
  const frN = pressureRatio * Math.pow(tRatio, -0.5) * (9 + 280 * h * Math.exp(-4.17 * (Math.pow(tRatio, -1 / 3) - 1)));
  const f2 = frequencyHz * frequencyHz;
  const classical = (1.84e-11 / pressureRatio) * Math.sqrt(tRatio);
  const oxygen = (0.01275 * Math.exp(-2239.1 / t)) / (frO + f2 / frO);
  const nitrogen = (0.1068 * Math.exp(-3352.0 / t)) / (frN + f2 / frN);
  return 8.686 * f2 * (classical + Math.pow(tRatio, -2.5) * (oxygen + nitrogen));
}
