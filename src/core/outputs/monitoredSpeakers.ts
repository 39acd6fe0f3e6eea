import { LAYOUT_NAMES, getLayout } from '../layouts';
import type { LoudspeakerChannel } from '../layouts';
import type { Degrees } from '../units';
import type { OutputDefinition } from './outputDefinition';
import { rootLayout } from './monitorOutputs';

/**
 * The loudspeakers of what is monitored, as the stage draws them and the per-speaker
 * meters and solo address them: a layout's own, a headphone rendering's source layout's,
 * a downmix's own channels (5.1, L/R, C); none for binaural.
 */
export interface MonitoredSpeakers {
  /** The output whose channels these are (the host meters that output's block). */
  readonly outputId: string;
  readonly speakers: readonly MonitoredSpeaker[];
}

export interface MonitoredSpeaker {
  readonly label: string;
  readonly isLfe: boolean;
  /** Where it stands: the layout's (a user layout's real angles), else BS.2051's nominal; null for an LFE. */
  readonly azimuthDeg: Degrees | null;
  readonly elevationDeg: Degrees | null;
}

/** The output that carries the monitored loudspeakers, or null for binaural. */
export function speakerOutputOf(output: OutputDefinition): OutputDefinition | null {
  switch (output.kind) {
    case 'binaural':
      return null;
    case 'layoutBinaural':
      return output.from;
    default:
      return output;
  }
}

export function monitoredSpeakers(output: OutputDefinition): MonitoredSpeakers | null {
  const carrier = speakerOutputOf(output);
  if (carrier === null) return null;
  const layout = rootLayout(output);
  const speakers = carrier.channels.map((channel): MonitoredSpeaker => {
    const placed = positionOf(channel.label, layout?.channels);
    return { label: channel.label, isLfe: channel.isLfe, azimuthDeg: placed?.azimuthDeg ?? null, elevationDeg: placed?.elevationDeg ?? null };
  });
  return { outputId: carrier.id, speakers };
}

function positionOf(label: string, own: readonly { label: string; isLfe: boolean }[] | undefined): LoudspeakerChannel | undefined {
  const find = (channels: readonly { label: string; isLfe: boolean }[]): LoudspeakerChannel | undefined =>
    channels.find((c): c is LoudspeakerChannel => !c.isLfe && c.label === label);
  const mine = own === undefined ? undefined : find(own);
  if (mine !== undefined) return mine;
  for (const name of LAYOUT_NAMES) {
    const found = find(getLayout(name).channels);
    if (found !== undefined) return found;
  }
  return undefined;
}
