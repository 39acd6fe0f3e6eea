import { getLayout } from '../layouts';
import type { LayoutName } from '../layouts';
import { monoLawGain } from '../monoLaw';
import type { MonoLaw } from '../monoLaw';
import type { BinauralOutput, DownmixOutput, LoudspeakerOutput, OutputDefinition } from './outputDefinition';
import { speakerFiling, speakerMask } from './speakerMask';

/**
 * The outputs the studio and the command line offer, by id: what the monitor selects,
 * what `--format` names and what export files are called after (`<scene>.<id>.wav`).
 */
export const STUDIO_OUTPUT_IDS = ['binaural', 'stereo', 'mono'] as const;
export type StudioOutputId = (typeof STUDIO_OUTPUT_IDS)[number];

/** The HRTF set the studio ships (hrtf/README.md). */
export const SHIPPED_HRTF_SET = 'MIT KEMAR, normal pinna';

/** What an output list is built with: the mono law of the mono downmix and the HRTF set of the binaural output. */
export interface StudioOutputSettings {
  readonly monoLaw: MonoLaw;
  readonly hrtfSet: string;
}

export function isStudioOutputId(id: string): id is StudioOutputId {
  return (STUDIO_OUTPUT_IDS as readonly string[]).includes(id);
}

/** The binaural rendering with `hrtfSet`: two ears, no loudspeaker positions. */
function binauralOutput(hrtfSet: string): BinauralOutput {
  return {
    kind: 'binaural',
    id: 'binaural',
    displayName: 'Binaural',
    channels: [
      { label: 'left', isLfe: false },
      { label: 'right', isLfe: false },
    ],
    fileOrder: [0, 1],
    channelMask: undefined,
    hrtfSet,
  };
}

/** The loudspeaker output of a BS.2051 layout, its channels in the layout's order. */
export function loudspeakerOutput(id: string, displayName: string, name: LayoutName): LoudspeakerOutput {
  const layout = getLayout(name);
  const { fileOrder, channelMask } = speakerFiling(layout.channels.map((channel) => channel.label));
  return {
    kind: 'loudspeakers',
    id,
    displayName,
    channels: layout.channels.map((channel) => ({ label: channel.label, isLfe: channel.isLfe })),
    fileOrder,
    channelMask,
    layout,
  };
}

/** Mono: the 0+2+0 output's left and right summed with the mono law's gain, as one centre channel. */
function monoDownmix(stereo: OutputDefinition, law: MonoLaw): DownmixOutput {
  if (stereo.channels.length !== 2) throw new RangeError(`the mono downmix takes a two-channel output, "${stereo.id}" has ${stereo.channels.length}`);
  const gain = monoLawGain(law);
  return {
    kind: 'downmix',
    id: 'mono',
    displayName: `Mono (${law})`,
    channels: [{ label: 'M+000', isLfe: false }],
    fileOrder: [0],
    channelMask: speakerMask(['M+000']),
    from: stereo,
    matrix: [[gain, gain]],
  };
}

/** The stereo output: the 0+2+0 layout. */
export function stereoOutput(): LoudspeakerOutput {
  return loudspeakerOutput('stereo', 'Stereo', '0+2+0');
}

/** The studio output called `id`. */
export function studioOutput(id: StudioOutputId, settings: StudioOutputSettings): OutputDefinition {
  switch (id) {
    case 'binaural':
      return binauralOutput(settings.hrtfSet);
    case 'stereo':
      return stereoOutput();
    case 'mono':
      return monoDownmix(stereoOutput(), settings.monoLaw);
  }
}

/** The studio outputs called `ids`, in the studio's order (binaural, stereo, mono), each once. */
export function studioOutputs(ids: readonly StudioOutputId[], settings: StudioOutputSettings): OutputDefinition[] {
  return STUDIO_OUTPUT_IDS.filter((id) => ids.includes(id)).map((id) => studioOutput(id, settings));
}
