import { getLayout } from '../../core/layouts';
import type { LayoutChannel, LayoutName } from '../../core/layouts';
import type { SceneBed } from '../../core/scene/scene';

/**
 * A bed channel as the renderer takes it: the loudspeaker it feeds in its bed's layout.
 * Every bus gets it when it creates the channel's voice (ObjectBus.createVoice):
 * - a loudspeaker bus feeds it to its own loudspeakers as ITU-R BS.2127 renders
 *   DirectSpeakers (dsp/panners/directSpeakers: mapping rules, the same label, the same
 *   nominal position, LFE to LFE, else the point-source panner at its position);
 * - a binaural bus hears it as an object at its loudspeaker's nominal position,
 *   BED_CHANNEL_DISTANCE_M away, and drops an LFE channel (a loudspeaker's position is
 *   all binaural can place; the LFE has none).
 * A bed is the room's loudspeakers: the scene rotation does not turn it; the monitor head
 * does, as it turns the objects (the renderer hears the channel through the head alone;
 * a loudspeaker bus pans a channel heard away from its loudspeaker where it is heard).
 */
export interface BedChannel {
  /** The bed's layout. */
  readonly layout: LayoutName;
  /** The loudspeaker it feeds there (label, LFE or not, nominal position). */
  readonly channel: LayoutChannel;
}

/** Where a binaural bus hears a bed channel from: its loudspeaker, this far away (no distance gain, no air absorption: the loudspeaker's level as it is). */
export const BED_CHANNEL_DISTANCE_M = 1;

/** The bed's channels, in stem channel order. */
export function bedChannelsOf(bed: SceneBed): BedChannel[] {
  const layout = getLayout(bed.layout);
  return bed.channels.map((label) => {
    const channel = layout.channels.find((c) => c.label === label);
    if (channel === undefined) throw new Error(`bed "${bed.name}": no channel "${label}" in the ${bed.layout} layout`);
    return { layout: bed.layout, channel };
  });
}
