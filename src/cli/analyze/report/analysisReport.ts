import type { LoudnessTarget } from '../../../core/loudnessTargets';
import type { MonoAnalysis } from '../../../core/monoAnalysis/monoAnalysisTypes';
import type { LoudnessFigures } from '../analyzeLoudness';

/**
 * Everything `npm run analyze` measured, as the text, JSON and HTML reports show it. The
 * JSON report (`--json <file>`) is this object as it is; its top-level shape:
 *
 *   {
 *     "report": "spatial-mix-studio/analysis", "version": 2,
 *     "input":  { kind: "mix" | "scene", file, sampleRateHz, durationSec, channelCount? | sourceCount?,
 *                 layout?: { name?, description, labels[], from }, foldedDown, warnings[] },
 *     "target": { id, name, integratedLufs, toleranceLu, maxTruePeakDbtp },
 *     "loudness": [ { programme: "mix" | "binaural" | "stereo" | "mono", integratedLufs,
 *                     loudnessRangeLu, maxMomentaryLufs, maxShortTermLufs, truePeakDbtp,
 *                     samplePeakDbfs, distance: { loudnessOffsetLu, gainToTargetDb, ... },
 *                     timeline: { stepSec, momentaryLufs[], shortTermLufs[] } } ],
 *     "channelPairs": [ { left, right, correlation } ],     (multichannel files)
 *     "monoAnalysis": MonoAnalysis | undefined,             (core/monoAnalysis/monoAnalysisTypes.ts)
 *     "notes": [ string ],
 *     "gates": [ { gate, passed, measured, limit, unit, excess, message } ]
 *   }
 *
 * Version 2 names the mono figure for what it is: `monoVsStereoDb` (the mono fold-down
 * against the stereo level, signed: positive = louder in mono, negative = lost), with
 * bandMonoVsStereoDb, ownMonoVsStereoDb, stemMonoVsStereoDb and headline.monoVsStereoDb;
 * version 1 called these monoLossDb, bandMonoLossDb, ownLossDb, stemLossDb, headline.lossDb
 * although a positive value was a gain. A field named `...LossDb` (mixLossDb, a band's
 * lossDb) and a mono-loss gate's `measured` and `limit` are positive dB lost.
 *
 * Levels in dB (LUFS, LU, dBTP, dBFS), times in seconds; the -150 floor of the meters
 * stands for silence.
 */
export const REPORT_FORMAT = 'spatial-mix-studio/analysis';
export const REPORT_VERSION = 2;

export type Programme = 'mix' | 'binaural' | 'stereo' | 'mono';

export interface ProgrammeLoudness extends LoudnessFigures {
  readonly programme: Programme;
}

export interface ReportInput {
  readonly kind: 'mix' | 'scene';
  /** The path as the user gave it. */
  readonly file: string;
  readonly sampleRateHz: number;
  readonly durationSec: number;
  /** Mix files: channels of the file. */
  readonly channelCount?: number;
  /** Scenes: number of sources. */
  readonly sourceCount?: number;
  /** Mix files: which loudspeaker each channel feeds and how that was decided. */
  readonly layout?: {
    readonly name?: string;
    readonly description: string;
    readonly labels: readonly string[];
    readonly from: 'layout option' | 'channel mask' | 'channel count';
  };
  /** The stereo analysis ran on a fold-down of more channels. */
  readonly foldedDown: boolean;
  readonly warnings: readonly string[];
}

/** Correlation of a left/right symmetric pair of loudspeaker channels (M+110 / M-110, ...). */
export interface ChannelPairCorrelation {
  readonly left: string;
  readonly right: string;
  readonly correlation: number;
}

export interface GateResult {
  /** As given to --fail-on, e.g. "mono-loss>3dB". */
  readonly gate: string;
  readonly passed: boolean;
  readonly measured: number;
  readonly limit: number;
  readonly unit: string;
  /** How far beyond the limit, in `unit` (0 when passed). */
  readonly excess: number;
  readonly message: string;
}

export interface AnalysisReport {
  readonly report: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly input: ReportInput;
  readonly target: LoudnessTarget;
  readonly loudness: readonly ProgrammeLoudness[];
  readonly channelPairs: readonly ChannelPairCorrelation[];
  readonly monoAnalysis?: MonoAnalysis;
  readonly notes: readonly string[];
  readonly gates: readonly GateResult[];
}
