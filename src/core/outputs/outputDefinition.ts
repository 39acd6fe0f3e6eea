import type { LoudspeakerLayout } from '../layouts';

/**
 * The output model: every signal the renderer can make is an output, one of three kinds.
 *
 * - `binaural`: the objects through an HRTF set, two ears.
 * - `loudspeakers`: the objects panned to a loudspeaker layout (stereo is the 0+2+0 layout).
 * - `downmix`: a matrix on another output's channels (mono is a downmix of 0+2+0 by the
 *   mono law), with a 90-degree phase network for a matrix encoding (Lt/Rt).
 * - `layoutBinaural`: a loudspeaker output heard on headphones, each loudspeaker through
 *   the HRTF at its position.
 *
 * Every output has an id (unique within a render: files are named after it, the monitor
 * and the command line's `--format` select by it), its channels with their labels in the
 * renderer's order, and the order in which a file carries them. The renderer
 * (render/sceneRenderer.ts) makes one bus per binaural or loudspeaker output and derives
 * each downmix from its source output's block (DESIGN.md section 2). Definitions are
 * plain data: they travel in messages to the audio thread and to workers as they are.
 */
export type OutputDefinition = BinauralOutput | LoudspeakerOutput | DownmixOutput | LayoutBinauralOutput;

/** Outputs made from another output's block rather than from the objects. */
export type DerivedOutput = DownmixOutput | LayoutBinauralOutput;

/** One channel of an output. */
export interface OutputChannel {
  /** BS.2051 label for loudspeakers ("M+030", "LFE1"); "left"/"right" for ears. */
  readonly label: string;
  readonly isLfe: boolean;
}

interface OutputCommon {
  readonly id: string;
  /** What the studio and the reports call it, e.g. "Binaural" or "5.1 (0+5+0)". */
  readonly displayName: string;
  /** In the renderer's order. */
  readonly channels: readonly OutputChannel[];
  /**
   * The file's channel order: file channel k carries channels[fileOrder[k]]. For
   * loudspeakers, WAVE_FORMAT_EXTENSIBLE's order of increasing dwChannelMask bits.
   */
  readonly fileOrder: readonly number[];
  /** dwChannelMask of the file's channels; undefined where no loudspeaker positions apply (ears). */
  readonly channelMask: number | undefined;
}

export interface BinauralOutput extends OutputCommon {
  readonly kind: 'binaural';
  /** Which HRTF set renders it: the shipped set's name, or the file a user gave. */
  readonly hrtfSet: string;
}

export interface LoudspeakerOutput extends OutputCommon {
  readonly kind: 'loudspeakers';
  readonly layout: LoudspeakerLayout;
}

export interface DownmixOutput extends OutputCommon {
  readonly kind: 'downmix';
  /** The output whose channels are mixed down (rendered for it when not asked for itself). */
  readonly from: OutputDefinition;
  /** matrix[c][k]: the gain of the source output's channel k in this output's channel c. */
  readonly matrix: readonly (readonly number[])[];
  /**
   * A matrix encoding's surround path (Lt/Rt), or absent for a plain matrix. With it,
   *   out_c = A[sum_k matrix[c][k] in_k] + outputGains[c] B[sum_k sumGains[k] in_k],
   * A and B the two chains of a 90-degree phase-difference network
   * (dsp/filters/quadratureAllPass.ts): B lags A by 90 degrees over the network's band,
   * both at unit gain.
   */
  readonly quadrature?: QuadratureMix;
}

/** The surround path of a matrix-encoded downmix: one sum of source channels, shifted 90 degrees, into each output channel. */
export interface QuadratureMix {
  /** Gain of each source channel in the sum that is shifted. */
  readonly sumGains: readonly number[];
  /** Gain of the shifted sum in each output channel. */
  readonly outputGains: readonly number[];
}

/**
 * A loudspeaker output heard on headphones: every loudspeaker channel of `from` convolved
 * with the HRIR pair at its loudspeaker's nominal direction (the binaural bus's filters,
 * render/buses/binaural), the LFE channel dropped. Channels: left and right ear.
 */
export interface LayoutBinauralOutput extends OutputCommon {
  readonly kind: 'layoutBinaural';
  readonly from: LoudspeakerOutput;
  /** Which HRTF set renders it. */
  readonly hrtfSet: string;
}

/** Channel count of an output. */
export function outputChannelCount(output: OutputDefinition): number {
  return output.channels.length;
}

/**
 * `channels` (in the output's order) in the order its files carry them (fileOrder).
 * Returns new arrays only of references; the samples are not copied.
 */
export function channelsInFileOrder<T>(output: OutputDefinition, channels: readonly T[]): T[] {
  if (channels.length !== output.channels.length) {
    throw new RangeError(`output "${output.id}": expected ${output.channels.length} channels, got ${channels.length}`);
  }
  return output.fileOrder.map((index) => channels[index]!);
}
