import { azimuthInRange, getLayout } from '../../../core/layouts';
import type { LayoutChannel, LayoutName, LoudspeakerLayout } from '../../../core/layouts';
import { RADIANS_PER_DEGREE } from '../../../core/units';
import { MAPPING_RULES } from './mappingRules';

/** An object panner of the output layout (render/buses/layoutPanners.ts gives one for every layout). */
export interface DirectionPanner {
  readonly channelCount: number;
  gains(x: number, y: number, z: number, out: Float64Array): void;
}

/** Tolerance of BS.2127's position matching, degrees. */
const POSITION_TOLERANCE_DEG = 1e-5;

/**
 * The gains in `output` of one channel of a bed (a DirectSpeakers channel of layout
 * `inputLayout`, undefined for a channel of no BS.2051 layout, such as an ADM file's
 * own pack), as ITU-R BS.2127 section 8 renders it (EBU ADM Renderer,
 * ear/core/direct_speakers/panner.py), for a channel given by its BS.2051 label and
 * nominal position (no bounds, no screen edge lock), in this order:
 * 1. when the input is a BS.2051 layout (not 2+7+0, which has no BS.2051 pack), the
 *    first of its label's mapping rules (mappingRules.ts) whose loudspeakers `output`
 *    has: LFE1 to LFE1; with two LFEs in and out (9+10+3, 3+7+0) each to its own; two
 *    LFEs into one, each at sqrt(1/2);
 * 2. the output's loudspeaker of the same label (and the same LFE-ness), gain 1;
 * 3. a loudspeaker the output has at the channel's nominal position, gain 1;
 * 4. otherwise an LFE channel goes to LFE1, or nowhere when the output has no LFE (as
 *    BS.775 drops it), and any other channel through the point-source panner from its
 *    position (`panner`, the output's).
 * Writes `output.channels.length` gains into `out`. Set-up work: allocates.
 */
export function directSpeakersGains(
  inputLayout: LayoutName | undefined,
  channel: LayoutChannel,
  output: LoudspeakerLayout,
  panner: DirectionPanner,
  out: Float64Array,
): void {
  out.fill(0, 0, output.channels.length);
  const indexOf = (label: string): number => output.channels.findIndex((c) => c.label === label);
  if (inputLayout !== undefined && getLayout(inputLayout).system !== undefined) {
    for (const rule of MAPPING_RULES.get(channel.label) ?? []) {
      if (rule.fromLayouts !== undefined && !rule.fromLayouts.includes(inputLayout)) continue;
      if (rule.intoLayouts !== undefined && !rule.intoLayouts.includes(output.name)) continue;
      if (!rule.gains.every(([label]) => indexOf(label) >= 0)) continue;
      for (const [label, gain] of rule.gains) out[indexOf(label)] = gain;
      return;
    }
  }
  const same = output.channels.findIndex((c) => c.label === channel.label && c.isLfe === channel.isLfe);
  if (same >= 0) {
    out[same] = 1;
    return;
  }
  if (channel.isLfe) {
    const lfe = indexOf('LFE1');
    if (lfe >= 0) out[lfe] = 1;
    return;
  }
  const atPosition = nominalPositionMatch(channel.azimuthDeg, channel.elevationDeg, output);
  if (atPosition >= 0) {
    out[atPosition] = 1;
    return;
  }
  const az = channel.azimuthDeg * RADIANS_PER_DEGREE;
  const el = channel.elevationDeg * RADIANS_PER_DEGREE;
  panner.gains(-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), Math.sin(el), out);
}

/** The output loudspeaker nominally at (azimuthDeg, elevationDeg), or -1 (at the poles any azimuth matches). */
function nominalPositionMatch(azimuthDeg: number, elevationDeg: number, output: LoudspeakerLayout): number {
  const nominal = getLayout(output.name).channels;
  return nominal.findIndex(
    (c) =>
      !c.isLfe &&
      Math.abs(c.elevationDeg - elevationDeg) < POSITION_TOLERANCE_DEG &&
      (Math.abs(c.elevationDeg) >= 90 - POSITION_TOLERANCE_DEG ||
        azimuthInRange(c.azimuthDeg, [azimuthDeg, azimuthDeg], POSITION_TOLERANCE_DEG)),
  );
}

/**
 * The matrix that renders a bed of `inputLayout` to `output`: matrix[o][i] is the gain
 * from input channel i to output channel o (directSpeakersGains for each input channel).
 */
export function directSpeakersMatrix(inputLayout: LoudspeakerLayout, output: LoudspeakerLayout, panner: DirectionPanner): Float64Array[] {
  const matrix = output.channels.map(() => new Float64Array(inputLayout.channels.length));
  const gains = new Float64Array(output.channels.length);
  inputLayout.channels.forEach((channel, i) => {
    directSpeakersGains(inputLayout.name, channel, output, panner, gains);
    gains.forEach((gain, o) => {
      matrix[o]![i] = gain;
    });
  });
  return matrix;
}
