import { getLayout } from '../../core/layouts';
import type { SceneBed } from '../../core/scene/scene';
import type { Degrees } from '../../core/units';

/**
 * A bed channel as the renderer takes it: the label it feeds in the bed's layout and that
 * loudspeaker's nominal position (BS.2051). This is the renderer's seam for the
 * DirectSpeakers panner of ITU-R BS.2127: a DirectSpeakersPanner maps a bed channel to the
 * gains of the monitored layout's loudspeakers (label matching, LFE routing).
 */
export interface BedChannel {
  readonly label: string;
  readonly isLfe: boolean;
  /** Nominal position; 0 for an LFE channel (it has none). */
  readonly azimuthDeg: Degrees;
  readonly elevationDeg: Degrees;
}

/** What a loudspeaker bus will take a bed channel through once BS.2127's DirectSpeakers panner is merged. */
export interface DirectSpeakersPanner {
  readonly channelCount: number;
  /** Writes the gain of each loudspeaker of the monitored layout for `channel` into `out`. Allocation-free. */
  gains(channel: BedChannel, out: Float64Array): void;
}

/**
 * INTERIM, to be replaced by the DirectSpeakers panner (DESIGN.md section 2, beds): a bed
 * channel is rendered as an object at its loudspeaker's nominal position, at this
 * distance (no distance gain, no air absorption: the loudspeaker's level as it is); an
 * LFE channel is not rendered (no output the studio renders has an LFE: BS.2127 drops it
 * for layouts without one, and binaural has none).
 */
export const INTERIM_BED_CHANNEL_DISTANCE_M = 1;

/** The bed's channels, in stem channel order. */
export function bedChannelsOf(bed: SceneBed): BedChannel[] {
  const layout = getLayout(bed.layout);
  return bed.channels.map((label) => {
    const channel = layout.channels.find((c) => c.label === label);
    if (channel === undefined) throw new Error(`bed "${bed.name}": no channel "${label}" in the ${bed.layout} layout`);
    return channel.isLfe
      ? { label, isLfe: true, azimuthDeg: 0, elevationDeg: 0 }
      : { label, isLfe: false, azimuthDeg: channel.azimuthDeg, elevationDeg: channel.elevationDeg };
  });
}
