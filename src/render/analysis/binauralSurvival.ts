import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { MIX_STRIDE } from '../../dsp/analysis/sourceMoments';
import { broadbandMoments, stereoFieldSummary } from './analysisFigures';
import { FINDING_BAND_COUNT, monoVsStereoOf, timeRangesOf } from './findingFigures';
import type { MonoFinding } from '../../core/monoAnalysis/findingTypes';
import type { BinauralSurvival, MultichannelStripKind } from '../../core/monoAnalysis/monoAnalysisTypes';

/**
 * How much of the binaural render survives mono and loudspeaker playback: the mono sum vs stereo
 * of the two ears summed, overall and per band, and per source (of its binaural
 * contribution alone). The head's interaural delays and level differences make a
 * lateral source partly cancel when the ears are summed; a render that loses more than
 * BINAURAL_REPORT_DB to that (beyond what uncorrelated ears lose) gets one finding.
 */
export interface SourceBinauralMoments {
  readonly sourceId: string;
  readonly sourceName: string;
  /** Present for a bed or HOA stem. */
  readonly sourceKind?: MultichannelStripKind;
  /** Sums of L^2, R^2 and L R of the source's binaural contribution (any common scale). */
  readonly pl: number;
  readonly pr: number;
  readonly c: number;
}

/** Cancellation of the summed ears (dB below the uncorrelated reference) that is reported. */
const BINAURAL_REPORT_DB = 1;

/** The survival figures, and a finding when the summed ears cancel by BINAURAL_REPORT_DB or more. */
export interface BinauralSurvivalResult {
  readonly survival: BinauralSurvival;
  readonly finding: MonoFinding | null;
}

export function binauralSurvival(analyser: MomentAnalyser, sources: readonly SourceBinauralMoments[], monoGain: number): BinauralSurvivalResult {
  const frames = analyser.totalFrames;
  const [pl, pr, c] = broadbandMoments(analyser.mixBands, MIX_STRIDE, analyser.bandCount) as [number, number, number];
  const field = stereoFieldSummary(analyser.mixBands, analyser.bandCount, frames, monoGain);
  const survival: BinauralSurvival = {
    monoVsStereoDb: field.monoVsStereoDb,
    correlation: field.correlation,
    bandMonoVsStereoDb: field.bandMonoVsStereoDb,
    sources: sources.map((s) => ({
      sourceId: s.sourceId,
      sourceName: s.sourceName,
      ...(s.sourceKind === undefined ? {} : { sourceKind: s.sourceKind }),
      monoVsStereoDb: monoVsStereoOf(s.pl, s.pr, s.c, frames, monoGain),
    })),
  };
  // The law-independent cancellation: 0 dB for uncorrelated ears, negative when they cancel.
  const cancellation = (l: number, r: number, x: number): number => (l + r > 0 ? -10 * Math.log10(Math.max(1e-6, 1 + (2 * x) / (l + r))) : 0);
  const severityDb = cancellation(pl, pr, c);
  if (severityDb < BINAURAL_REPORT_DB) return { survival, finding: null };
  const windowLoss: number[] = [];
  for (let w = 0; w < analyser.windowCount; w++) {
    const at = MIX_STRIDE * w;
    windowLoss.push(cancellation(analyser.windowMix[at]!, analyser.windowMix[at + 1]!, analyser.windowMix[at + 2]!));
  }
  const durationSec = frames / analyser.sampleRateHz;
  const { ranges, worstTimeSec } = timeRangesOf(windowLoss, BINAURAL_REPORT_DB, analyser.windowFrames / analyser.sampleRateHz, durationSec);
  const bands = field.bandMonoVsStereoDb
    .map((lossDb, b) => ({ ...analyser.bands[b]!, lossDb: -lossDb }))
    .filter((b) => b.lossDb > 0)
    .sort((a, b) => b.lossDb - a.lossDb)
    .slice(0, FINDING_BAND_COUNT)
    .map(({ nominalHz, lowerHz, upperHz, lossDb }) => ({ nominalHz, lowerHz, upperHz, lossDb }));
  const losingSources = [...survival.sources].sort((a, b) => a.monoVsStereoDb - b.monoVsStereoDb).slice(0, 3);
  // Only an object can be moved: a bed is the room's loudspeakers, an HOA stem the sound field.
  const worst = losingSources.find((s) => s.sourceKind === undefined);
  return {
    survival,
    finding: {
      kind: 'binaural-mono',
      severityDb,
      worstTimeSec,
      timeRanges: ranges,
      bands,
      correlation: survival.correlation,
      losingSources,
      fixes: worst === undefined ? [] : [{ kind: 'move', towards: 'front-or-back', sourceId: worst.sourceId, sourceName: worst.sourceName }],
    },
  };
}
