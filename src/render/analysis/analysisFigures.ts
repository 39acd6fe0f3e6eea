import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE } from '../../dsp/analysis/sourceMoments';
import {
  correlationFromMoments,
  midPowerFromMoments,
  monoVsStereoDbFromMoments,
  powerToDb,
  sidePowerFromMoments,
} from '../../dsp/meters/stereoMoments';
import type { AnalysisBand } from '../../core/monoAnalysis/findingTypes';
import type { AnalysisTimeline, StereoFieldSummary } from '../../core/monoAnalysis/monoAnalysisTypes';

/**
 * The figures of a stereo signal from its accumulated moments (monoMomentAnalyser.ts):
 * every mono sum vs stereo and correlation through dsp/meters/stereoMoments.ts, so they mean what
 * the meters mean. Powers are mean squares over `frames` frames.
 */
export function analysisBands(analyser: MomentAnalyser): AnalysisBand[] {
  return analyser.bands.map((b) => ({ nominalHz: b.nominalHz, lowerHz: b.lowerHz, upperHz: b.upperHz }));
}

/** Sum over every band (and the bins outside them) of moments with `stride` numbers per band: the broadband figure. */
export function broadbandMoments(bands: Float64Array, stride: number, bandCount: number): number[] {
  const sum = new Array<number>(stride).fill(0);
  for (let b = 0; b <= bandCount; b++) for (let j = 0; j < stride; j++) sum[j]! += bands[stride * b + j]!;
  return sum;
}

export function stereoFieldSummary(mixBands: Float64Array, bandCount: number, frames: number, monoGain: number): StereoFieldSummary {
  // Mean squares, so that the meters' silence threshold applies as it does to them.
  const n = Math.max(1, frames);
  const [pl, pr, c] = broadbandMoments(mixBands, MIX_STRIDE, bandCount).map((v) => v / n) as [number, number, number];
  const bandMonoVsStereoDb: number[] = [];
  const bandCorrelation: number[] = [];
  for (let b = 0; b < bandCount; b++) {
    const at = MIX_STRIDE * b;
    const bl = mixBands[at]! / n, br = mixBands[at + 1]! / n, bc = mixBands[at + 2]! / n;
    bandMonoVsStereoDb.push(monoVsStereoDbFromMoments(bl, br, bc, monoGain));
    bandCorrelation.push(correlationFromMoments(bl, br, bc));
  }
  return {
    monoVsStereoDb: monoVsStereoDbFromMoments(pl, pr, c, monoGain),
    correlation: correlationFromMoments(pl, pr, c),
    midDb: powerToDb(midPowerFromMoments(pl, pr, c)),
    sideDb: powerToDb(sidePowerFromMoments(pl, pr, c)),
    bandMonoVsStereoDb,
    bandCorrelation,
  };
}

/** Frames of audio in timeline window `w` (the last one may be shorter). */
function windowLengthFrames(analyser: MomentAnalyser, w: number): number {
  return Math.max(1, Math.min(analyser.windowFrames, analyser.totalFrames - w * analyser.windowFrames));
}

export function analysisTimeline(analyser: MomentAnalyser, monoGain: number): AnalysisTimeline {
  const startSec: number[] = [];
  const monoVsStereoDb: number[] = [];
  const correlation: number[] = [];
  const levelDb: number[] = [];
  for (let w = 0; w < analyser.windowCount; w++) {
    const at = MIX_STRIDE * w;
    const n = windowLengthFrames(analyser, w);
    const pl = analyser.windowMix[at]! / n, pr = analyser.windowMix[at + 1]! / n, c = analyser.windowMix[at + 2]! / n;
    startSec.push((w * analyser.windowFrames) / analyser.sampleRateHz);
    monoVsStereoDb.push(monoVsStereoDbFromMoments(pl, pr, c, monoGain));
    correlation.push(correlationFromMoments(pl, pr, c));
    levelDb.push(powerToDb(0.5 * (pl + pr)));
  }
  return { windowSec: analyser.windowFrames / analyser.sampleRateHz, startSec, monoVsStereoDb, correlation, levelDb };
}
