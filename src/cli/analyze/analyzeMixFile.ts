import type { LayoutChannel } from '../../core/layouts';
import { loudnessWeightsForLayout } from '../../dsp/loudness/channelWeights';
import { stemCorrelation } from '../../render/analysis/stemCorrelation';
import type { LoudnessTarget } from '../../core/loudnessTargets';
import { decodeAudioFile } from '../../io/decodeAudioFile';
import { analyzeStereoMix } from '../../render/analysis/mixMonoAnalysis';
import { foldDownToStereo } from '../../render/analysis/multichannelFoldDown';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { MonoLaw } from '../../core/monoLaw';
import type { AnalyzeArgs } from './analyzeArgs';
import { measureProgrammeLoudness } from './analyzeLoudness';
import { layoutFromFile, layoutFromOption } from './channelMaskLayout';
import { createProgressLine } from '../progress';
import { readRegularFile } from '../stemFiles';
import type { ChannelPairCorrelation, ProgrammeLoudness, ReportInput } from './report/analysisReport';

/** What a mix file gives the report (all but the target and the gates). */
export interface MixMeasurement {
  readonly input: ReportInput;
  readonly loudness: readonly ProgrammeLoudness[];
  readonly channelPairs: readonly ChannelPairCorrelation[];
  readonly monoAnalysis?: MonoAnalysis;
  readonly notes: readonly string[];
}

/**
 * Measures a finished mix: BS.1770 loudness of all its channels with the weights of its
 * layout, then the stereo analysis of its left/right pair (a multichannel file: of its
 * BS.2127 stereo fold-down) and the correlation of every symmetric loudspeaker pair.
 */
export async function analyzeMixFile(args: AnalyzeArgs, target: LoudnessTarget): Promise<MixMeasurement> {
  const file = args.inputPath;
  const bytes = await readRegularFile(file, file, 'mix file', MAX_MIX_FILE_BYTES);
  const audio = await decodeAudioFile(bytes, file);
  const channelCount = audio.channels.length;
  const layout = args.layout !== undefined ? layoutFromOption(args.layout, channelCount, file) : layoutFromFile(channelCount, audio.channelMask, file);
  const frames = audio.channels[0]?.length ?? 0;
  const loudness: ProgrammeLoudness = {
    programme: 'mix',
    ...measureProgrammeLoudness(audio.channels, audio.sampleRateHz, loudnessWeightsForLayout(layout.channels), target),
  };
  const input: ReportInput = {
    kind: 'mix',
    file,
    sampleRateHz: audio.sampleRateHz,
    durationSec: frames / audio.sampleRateHz,
    channelCount,
    layout: {
      ...(layout.name === undefined ? {} : { name: layout.name }),
      description: layout.description,
      labels: layout.channels.map((c) => c.label),
      from: layout.from,
    },
    foldedDown: channelCount > 2 || (channelCount === 2 && layout.name !== '0+2+0'),
    warnings: [...(audio.warnings ?? []).map((warning) => `${file}: ${warning}`), ...overFullScale(file, loudness.samplePeakDbfs)],
  };
  if (channelCount === 1) {
    return { input, loudness: [loudness], channelPairs: [], notes: ['a mono file: nothing to fold down, so no stereo or mono-loss analysis'] };
  }
  const [left, right] = input.foldedDown ? foldDownToStereo(audio.channels, layout.channels) : [audio.channels[0]!, audio.channels[1]!];
  const monoAnalysis = analyzeWithProgress(left, right, audio.sampleRateHz, args.monoLaw);
  const notes = input.foldedDown ? [`the stereo analysis measures the BS.2127 stereo fold-down of the ${layout.description} channels (LFE dropped)`] : [];
  return { input, loudness: [loudness], channelPairs: symmetricPairCorrelations(audio.channels, layout.channels), monoAnalysis, notes };
}

/** The largest mix file read: the most Node reads into one buffer (2 GiB - 1). */
const MAX_MIX_FILE_BYTES = 2 ** 31 - 1;

/** A warning when the mix peaks above full scale (a float file can), else none. */
function overFullScale(file: string, samplePeakDbfs: number): string[] {
  if (!(samplePeakDbfs > 0)) return [];
  return [`${file}: the mix peaks at +${samplePeakDbfs.toFixed(1)} dBFS, above full scale: any 16- or 24-bit file made from it clips (lower it by at least ${samplePeakDbfs.toFixed(1)} dB)`];
}

function analyzeWithProgress(left: Float32Array, right: Float32Array, sampleRateHz: number, monoLaw: MonoLaw): MonoAnalysis {
  const progress = createProgressLine(`analysing ${(left.length / sampleRateHz).toFixed(1)} s`);
  const analysis = analyzeStereoMix(left, right, sampleRateHz, { monoLaw, onProgress: progress.update });
  progress.done();
  return analysis;
}

/**
 * Correlation (r = E[LR] / sqrt(E[L^2] E[R^2]), over the whole file) of every pair of
 * loudspeakers mirrored left/right (same elevation, opposite azimuth), left first. Only
 * for files of more than two channels: a stereo file's one pair is the analysis itself.
 */
function symmetricPairCorrelations(channels: readonly Float32Array[], layout: readonly LayoutChannel[]): ChannelPairCorrelation[] {
  if (channels.length <= 2) return [];
  const pairs: ChannelPairCorrelation[] = [];
  layout.forEach((a, i) => {
    if (a.isLfe || a.azimuthDeg <= 0 || a.azimuthDeg >= 180) return;
    const j = layout.findIndex((b) => !b.isLfe && b.azimuthDeg === -a.azimuthDeg && b.elevationDeg === a.elevationDeg);
    if (j < 0) return;
    pairs.push({ left: a.label, right: layout[j]!.label, correlation: stemCorrelation([channels[i]!, channels[j]!]) });
  });
  return pairs;
}
