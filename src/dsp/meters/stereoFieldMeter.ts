import { DEFAULT_MONO_LAW, monoLawGain } from '../../core/monoLaw';
import {
  DEFAULT_INTEGRATION,
  addedMomentFrames,
  correlationFromMoments,
  createStereoMoments,
  framesUntilMomentUpdate,
  midPowerFromMoments,
  monoVsStereoDbFromMoments,
  powerToDb,
  resetStereoMoments,
  sidePowerFromMoments,
  SILENCE_POWER,
} from './stereoMoments';
import type { IntegrationConfig, StereoMoments } from './stereoMoments';

/**
 * Broadband stereo-field meter: correlation, left/right/mid/side levels, the mid/side
 * ratio and the mono sum vs stereo, all from the integrated moments PL, PR, C of stereoMoments.ts
 * (definitions and ballistics there). Levels are mean-square levels in dBFS,
 * 10 log10 E[x^2] (a full-scale sine reads -3.01 dBFS), floored at METER_FLOOR_DB.
 */
export interface StereoFieldMeterConfig {
  readonly integration?: IntegrationConfig;
  /** Mono fold-down gain g for the mono sum vs stereo; default monoLawGain(DEFAULT_MONO_LAW), 1/sqrt2 for the -3 dB law. */
  readonly monoLawGain?: number;
}

export interface StereoFieldReading {
  /** Normalised cross-correlation, -1 .. +1 (0 in silence). */
  correlation: number;
  leftDb: number;
  rightDb: number;
  midDb: number;
  sideDb: number;
  /** 10 log10(PM / PS), each power floored at SILENCE_POWER (so within +-120 dB; 0 in silence). */
  midSideRatioDb: number;
  /** Level of the mono fold-down, dBFS. */
  monoDb: number;
  /** Mono fold-down against the stereo level, dB (monoVsStereoDbFromMoments). */
  monoVsStereoDb: number;
  /** Either channel above SILENCE_POWER. */
  signalPresent: boolean;
}

export interface StereoFieldMeter {
  readonly moments: StereoMoments;
  readonly monoLawGain: number;
}

export function createStereoFieldMeter(config: StereoFieldMeterConfig, sampleRateHz: number): StereoFieldMeter {
  return {
    moments: createStereoMoments(1, config.integration ?? DEFAULT_INTEGRATION, sampleRateHz),
    monoLawGain: config.monoLawGain ?? monoLawGain(DEFAULT_MONO_LAW),
  };
}

export function createStereoFieldReading(): StereoFieldReading {
  return { correlation: 0, leftDb: -150, rightDb: -150, midDb: -150, sideDb: -150, midSideRatioDb: 0, monoDb: -150, monoVsStereoDb: 0, signalPresent: false };
}

export function resetStereoFieldMeter(meter: StereoFieldMeter): void {
  resetStereoMoments(meter.moments);
}

/** Measures `frames` samples. Allocation-free; any block length. */
export function processStereoFieldMeter(meter: StereoFieldMeter, left: Float32Array, right: Float32Array, frames: number): void {
  const moments = meter.moments;
  const partial = moments.partial;
  let offset = 0;
  while (offset < frames) {
    const n = framesUntilMomentUpdate(moments, frames - offset);
    // Sums carry on from the sub-block's partial sums, so the order of additions (and the
    // result, bit for bit) does not depend on where the caller's blocks end.
    let ll = partial[0]!;
    let rr = partial[1]!;
    let lr = partial[2]!;
    const end = offset + n;
    for (let i = offset; i < end; i++) {
      const l = left[i]!;
      const r = right[i]!;
      ll += l * l;
      rr += r * r;
      lr += l * r;
    }
    partial[0] = ll;
    partial[1] = rr;
    partial[2] = lr;
    addedMomentFrames(moments, n);
    offset = end;
  }
}

/** Fills `out` with the current readings. Allocation-free. */
export function readStereoFieldMeter(meter: StereoFieldMeter, out: StereoFieldReading): StereoFieldReading {
  const m = meter.moments.moments;
  const pL = m[0]!;
  const pR = m[1]!;
  const c = m[2]!;
  const pM = midPowerFromMoments(pL, pR, c);
  const pS = sidePowerFromMoments(pL, pR, c);
  const g = meter.monoLawGain;
  out.correlation = correlationFromMoments(pL, pR, c);
  out.leftDb = powerToDb(pL);
  out.rightDb = powerToDb(pR);
  out.midDb = powerToDb(pM);
  out.sideDb = powerToDb(pS);
  out.signalPresent = pL >= SILENCE_POWER || pR >= SILENCE_POWER;
  out.midSideRatioDb = out.signalPresent ? 10 * Math.log10(Math.max(pM, SILENCE_POWER) / Math.max(pS, SILENCE_POWER)) : 0;
  out.monoDb = powerToDb(g * g * (pL + pR + 2 * c));
  out.monoVsStereoDb = monoVsStereoDbFromMoments(pL, pR, c, g);
  return out;
}
