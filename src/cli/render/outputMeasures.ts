import type { RenderedOutput } from '../../core/outputs/renderedOutput';
import { loudnessWeightsForOutput } from '../../dsp/loudness/channelWeights';
import { LOUDNESS_FLOOR } from '../../dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../dsp/loudness/measureLoudness';
import { analyzeStereoMix } from '../../render/analysis/mixMonoAnalysis';
import type { MonoLaw } from '../../core/monoLaw';

/** What the render reports of each output it wrote. */
export interface OutputMeasures {
  /** BS.1770 integrated loudness with the output's channel weights by label (LFE excluded), LUFS; LOUDNESS_FLOOR when silent. */
  readonly integratedLufs: number;
  /** Mono sum vs stereo, dB (the mono check of `npm run analyze`), for a two-channel loudspeaker or downmix output; undefined otherwise (ears, one or many channels). */
  readonly monoVsStereoDb: number | undefined;
}

/** Measures a rendered output: loudness always, the mono check where it applies. */
export function measureOutput({ output, channels }: RenderedOutput, sampleRateHz: number, monoLaw: MonoLaw): OutputMeasures {
  const integratedLufs = measureLoudness(channels, sampleRateHz, loudnessWeightsForOutput(output)).integratedLufs;
  const stereoPair = channels.length === 2 && (output.kind === 'loudspeakers' || output.kind === 'downmix');
  const monoVsStereoDb = stereoPair ? analyzeStereoMix(channels[0]!, channels[1]!, sampleRateHz, { monoLaw }).overall.monoVsStereoDb : undefined;
  return { integratedLufs, monoVsStereoDb };
}

/** The measures as the render's report writes them: "-18.2 LUFS, mono -1.3 dB vs stereo". */
export function measuresText(measures: OutputMeasures): string {
  const loudness = measures.integratedLufs <= LOUDNESS_FLOOR ? 'no loudness (silent or LFE only)' : `${measures.integratedLufs.toFixed(1)} LUFS`;
  return measures.monoVsStereoDb === undefined ? loudness : `${loudness}, mono ${measures.monoVsStereoDb.toFixed(1)} dB vs stereo`;
}
