import { thirdOctaveBands } from '../../../../../src/dsp/filters/thirdOctaveBands';
import type { MonoAnalysis } from '../../../../../src/core/monoAnalysis/monoAnalysisTypes';
import { REPORT_FORMAT, REPORT_VERSION } from '../../../../../src/cli/analyze/report/analysisReport';
import type { AnalysisReport, ProgrammeLoudness } from '../../../../../src/cli/analyze/report/analysisReport';
import { distanceToTarget, getLoudnessTarget } from '../../../../../src/core/loudnessTargets';

/**
 * A hand-made scene analysis with known figures, for the report writers: 31 bands, a
 * 4-window timeline, two sources (one named with HTML metacharacters) and two findings,
 * one headed by the source's own loss in a band, one by the mix's loss (its worst band masked).
 */
export function handMadeAnalysis(): MonoAnalysis {
  const bands = thirdOctaveBands(48000).map(({ nominalHz, lowerHz, upperHz }) => ({ nominalHz, lowerHz, upperHz }));
  return {
    subject: 'scene',
    format: 'stereo',
    sampleRateHz: 48000,
    durationSec: 2,
    monoLaw: '-3dB',
    bands,
    overall: {
      monoVsStereoDb: -4.25,
      correlation: -0.62,
      midDb: -24.5,
      sideDb: -18.25,
      bandMonoVsStereoDb: bands.map((_, i) => (i === 7 ? -9.5 : -1)),
      bandCorrelation: bands.map((_, i) => (i === 7 ? -0.9 : 0.1)),
    },
    timeline: { windowSec: 0.5, startSec: [0, 0.5, 1, 1.5], monoVsStereoDb: [-1, -6, -150, 0.5], correlation: [0.2, -0.8, -1, 0.3], levelDb: [-20, -18, -19, -60] },
    sources: [
      { sourceId: 'pad', sourceName: 'Pad <b>&"wide"</b>', levelDb: -20, monoVsStereoDb: -8.5, correlation: -0.9, removalImprovementDb: 3.75, collapseImprovementDb: 2.5 },
      { sourceId: 'gtr', sourceName: 'Guitar', levelDb: -22, monoVsStereoDb: -2.5, correlation: 0.3, removalImprovementDb: 0.5, collapseImprovementDb: 0.25 },
    ],
    findings: [
      {
        kind: 'polarity',
        sourceId: 'pad',
        sourceName: 'Pad <b>&"wide"</b>',
        severityDb: 12.5,
        headline: { of: 'source', monoVsStereoDb: -12.5, band: bands[7]!, audible: true, levelToMixDb: -4 },
        ownMonoVsStereoDb: -8.5,
        stemMonoVsStereoDb: -60,
        mixLossDb: 6.5,
        mixLossReported: true,
        worstTimeSec: 1.25,
        timeRanges: [{ startSec: 0.5, endSec: 1.5 }],
        bands: [{ ...bands[7]!, lossDb: 9.5, ownMonoVsStereoDb: -12.5, levelToMixDb: -4, audible: true }],
        correlation: -0.9,
        stemCorrelation: -1,
        cancelsIn: 'render',
        fixes: [{ kind: 'flip-polarity', improvementDb: 5.5 }],
      },
      {
        kind: 'haas',
        sourceId: 'gtr',
        sourceName: 'Guitar',
        severityDb: 1.5,
        headline: { of: 'mix', monoVsStereoDb: -1.5, audible: true },
        ownMonoVsStereoDb: 0.25,
        mixLossDb: 1.5,
        mixLossReported: true,
        worstTimeSec: 0.75,
        timeRanges: [],
        bands: [{ ...bands[8]!, lossDb: 0.5, ownMonoVsStereoDb: -7.5, levelToMixDb: -26, audible: false }],
        delayMs: 12,
        delaySamples: 576,
        notchFrequenciesHz: [41.67, 125, 208.33],
        fixes: [{ kind: 'remove-delay' }],
      },
    ],
    binaural: { monoVsStereoDb: -2, correlation: 0.4, bandMonoVsStereoDb: bands.map(() => -2), sources: [{ sourceId: 'pad', sourceName: 'Pad <b>&"wide"</b>', monoVsStereoDb: -3.5 }] },
  };
}

export function handMadeLoudness(programme: ProgrammeLoudness['programme'], integratedLufs: number, truePeakDbtp: number): ProgrammeLoudness {
  return {
    programme,
    integratedLufs,
    loudnessRangeLu: 3.2,
    maxMomentaryLufs: integratedLufs + 4,
    maxShortTermLufs: integratedLufs + 2,
    truePeakDbtp,
    samplePeakDbfs: truePeakDbtp - 0.3,
    distance: distanceToTarget(integratedLufs, truePeakDbtp, getLoudnessTarget('streaming')),
    timeline: { stepSec: 0.1, momentaryLufs: [-150, -30, -20, -18], shortTermLufs: [-150, -40, -30, -25] },
  };
}

export function handMadeReport(): AnalysisReport {
  return {
    report: REPORT_FORMAT,
    version: REPORT_VERSION,
    input: { kind: 'scene', file: 'scenes/<odd> & "name".json', sampleRateHz: 48000, durationSec: 2, sourceCount: 2, foldedDown: false, warnings: ['unknown field <x>'] },
    target: getLoudnessTarget('streaming'),
    loudness: [handMadeLoudness('binaural', -16.5, -0.4), handMadeLoudness('stereo', -14.2, -2.1), handMadeLoudness('mono', -15, -3)],
    channelPairs: [],
    monoAnalysis: handMadeAnalysis(),
    notes: [],
    gates: [
      { gate: 'mono-loss>3dB', passed: false, measured: -4.25, limit: -3, unit: 'dB', excess: 1.25, message: 'mono-loss>3dB: FAILED: 1.3 dB beyond' },
    ],
  };
}
