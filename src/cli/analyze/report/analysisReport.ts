import type { DeliveryFacts, DeliveryRuleResult } from '../../../core/delivery/atmosMusicDelivery';
import type { LoudnessTarget } from '../../../core/loudnessTargets';
import type { MonoAnalysis } from '../../../core/monoAnalysis/monoAnalysisTypes';
import type { OutputMonoCheck } from '../../../render/analysis/outputMonoCheck';
import type { DeliverySpec } from '../analyzeArgs';
import type { LoudnessFigures } from '../analyzeLoudness';

/**
 * Everything `npm run analyze` measured, as the text, JSON and HTML reports show it. The
 * JSON report (`--json <file>`) is this object as it is; its top-level shape:
 *
 *   {
 *     "report": "spatial-mix-studio/analysis", "version": 3,
 *     "input":  { kind: "mix" | "scene" | "adm", file, sampleRateHz, durationSec, channelCount? | sourceCount? (bedCount?, hoaCount?),
 *                 layout?: { name?, description, labels[], from }, foldedDown, warnings[] },
 *     "target": { id, name, integratedLufs, toleranceLu, maxTruePeakDbtp },
 *     "loudness": [ { programme: "mix" | an output id ("binaural", "stereo", "mono", "7.1.4",
 *                     "7.1.4-to-5.1", "binaural-7.1.4", ...), integratedLufs,
 *                     loudnessRangeLu, maxMomentaryLufs, maxShortTermLufs, truePeakDbtp,
 *                     samplePeakDbfs, distance: { loudnessOffsetLu, gainToTargetDb, ... },
 *                     timeline: { stepSec, momentaryLufs[], shortTermLufs[] },
 *                     monoCheck?: { monoVsStereoDb, of: "pair" | "ears" | "fold-down" } } ],
 *     "channelPairs": [ { left, right, correlation } ],     (multichannel files)
 *     "monoAnalysis": MonoAnalysis | undefined,             (core/monoAnalysis/monoAnalysisTypes.ts)
 *     "delivery": { specification: "atmos-music", facts: DeliveryFacts,
 *                   rules: [ { id, requirement, found, verdict, source } ] } | undefined,
 *                                                           (--delivery; core/delivery/atmosMusicDelivery.ts)
 *     "notes": [ string ],
 *     "gates": [ { gate, passed, measured, limit, unit, excess, message } ]
 *   }
 *
 * A scene's programmes are rendered with its beds and HOA stems. `monoCheck` is given for outputs
 * measured from their render (multichannel outputs by their BS.2127 stereo fold-down);
 * the stereo and binaural of the culprit analysis have theirs in `monoAnalysis`.
 *
 * Version 2 names the mono figure for what it is: `monoVsStereoDb` (the mono fold-down
 * against the stereo level, signed: positive = louder in mono, negative = lost), with
 * bandMonoVsStereoDb, ownMonoVsStereoDb, stemMonoVsStereoDb and headline.monoVsStereoDb;
 * version 1 called these monoLossDb, bandMonoLossDb, ownLossDb, stemLossDb, headline.lossDb
 * although a positive value was a gain. A field named `...LossDb` (mixLossDb, a band's
 * lossDb) and a mono-loss gate's `measured` and `limit` are positive dB lost.
 *
 * Version 3 analyses a scene's beds and HOA stems as it does its objects: `monoAnalysis`'s
 * `sources`, its findings and the binaural survival's `sources` list them after the
 * objects, each with `sourceKind` ("bed" or "hoa"; absent for an object); a bed's finding
 * may name the pair of loudspeaker channels that cancel in its stem (`channelPair`:
 * { left, right, correlation }) with a fix `{ kind: "flip-polarity", channel }`.
 *
 * Levels in dB (LUFS, LU, dBTP, dBFS), times in seconds; the -150 floor of the meters
 * stands for silence.
 */
export const REPORT_FORMAT = 'spatial-mix-studio/analysis';
export const REPORT_VERSION = 3;

/** 'mix' for a mix file, else the id of the output measured (core/outputs/outputCatalog.ts). */
export type Programme = string;

export interface ProgrammeLoudness extends LoudnessFigures {
  readonly programme: Programme;
  /** The output's mono sum vs stereo (render/analysis/outputMonoCheck.ts), where measured from its render. */
  readonly monoCheck?: OutputMonoCheck;
}

/** The delivery check's facts and verdicts (--delivery). */
export interface DeliveryReport {
  readonly specification: DeliverySpec;
  readonly facts: DeliveryFacts;
  readonly rules: readonly DeliveryRuleResult[];
}

export interface ReportInput {
  /** A mix file, a scene, or an ADM BWF master (--delivery). */
  readonly kind: 'mix' | 'scene' | 'adm';
  /** The path as the user gave it. */
  readonly file: string;
  readonly sampleRateHz: number;
  readonly durationSec: number;
  /** Mix files: channels of the file. */
  readonly channelCount?: number;
  /** Scenes: number of sources. */
  readonly sourceCount?: number;
  /** Scenes: number of beds and of HOA stems (absent: none). */
  readonly bedCount?: number;
  readonly hoaCount?: number;
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
  readonly delivery?: DeliveryReport;
  readonly notes: readonly string[];
  readonly gates: readonly GateResult[];
}
