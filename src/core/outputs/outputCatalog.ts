import { LAYOUT_NAMES, getLayout } from '../layouts';
import type { LayoutName } from '../layouts';
import { foldTo51, loRoDownmix, ltRtDownmix, monoDownmix } from './downmixOutputs';
import type { StereoDownmixLevels } from './downmixOutputs';
import type { LayoutBinauralOutput, LoudspeakerOutput, OutputDefinition } from './outputDefinition';
import { STUDIO_OUTPUT_IDS, isStudioOutputId, loudspeakerOutput, stereoOutput, studioOutput } from './studioOutputs';
import type { StudioOutputSettings } from './studioOutputs';

/**
 * Every output the command line can name, by id (files are `<name>.<id>.wav`, so ids use
 * only letters, digits, '.', '+' and '-'):
 * - the studio's: `binaural`, `stereo`, `mono`;
 * - a layout by its trade name or its BS.2051 name: `5.1` or `0+5+0`, `7.1.4` or `4+7+0`
 *   (id: the trade name; 0+2+0 is `stereo`);
 * - `binaural-<layout>`: that layout heard on headphones (LayoutBinauralOutput);
 * - `<layout>-to-5.1`, `<layout>-to-loro`, `<layout>-to-ltrt`, `<layout>-to-mono`: the
 *   downmix chain of downmixOutputs.ts, each stage from the previous (a layout other than
 *   5.1 is first folded to 5.1; mono is the mono law on Lo/Ro).
 */
export interface OutputCatalogSettings extends StudioOutputSettings {
  readonly loRo: StereoDownmixLevels;
  readonly ltRt: StereoDownmixLevels;
}

const DOWNMIX_TARGETS = ['5.1', 'loro', 'ltrt', 'mono'] as const;

/** The ids to offer in help texts. */
export function outputIdHelp(): string {
  const layouts = LAYOUT_NAMES.map((name) => getLayout(name).commonName).join(', ');
  return `${STUDIO_OUTPUT_IDS.join(', ')}; a layout (${layouts}, or its BS.2051 name); binaural-<layout>; <layout>-to-${DOWNMIX_TARGETS.join(`, <layout>-to-`)}`;
}

function layoutNamed(name: string): LayoutName | undefined {
  return LAYOUT_NAMES.find((layout) => layout === name || getLayout(layout).commonName === name);
}

/** The loudspeaker output of a layout (0+2+0 is the studio's `stereo`). */
function layoutOutput(name: LayoutName): LoudspeakerOutput {
  if (name === '0+2+0') return stereoOutput();
  const layout = getLayout(name);
  return loudspeakerOutput(layout.commonName, `${layout.commonName} (${name})`, name);
}

/** A loudspeaker output heard on headphones: each loudspeaker through the HRTF set at its position. */
export function layoutBinauralOutput(from: LoudspeakerOutput, hrtfSet: string): LayoutBinauralOutput {
  return {
    kind: 'layoutBinaural',
    id: `binaural-${from.id}`,
    displayName: `Binaural of ${from.displayName}`,
    channels: [
      { label: 'left', isLfe: false },
      { label: 'right', isLfe: false },
    ],
    fileOrder: [0, 1],
    channelMask: undefined,
    from,
    hrtfSet,
  };
}

/** The 5.1 a downmix chain starts from: the layout itself when it is 5.1, else its fold. */
function fiveOneOf(source: LoudspeakerOutput): OutputDefinition {
  return source.layout.name === '0+5+0' ? source : foldTo51(source, `${source.id}-to-5.1`);
}

function downmixOutput(source: LoudspeakerOutput, target: (typeof DOWNMIX_TARGETS)[number], settings: OutputCatalogSettings): OutputDefinition {
  const id = `${source.id}-to-${target}`;
  if (source.channels.length === 2) {
    if (target === 'mono') return monoDownmix(source, source.id === 'stereo' ? 'mono' : id, settings.monoLaw);
    throw new RangeError(`"${id}": a two-channel layout only downmixes to mono`);
  }
  switch (target) {
    case '5.1':
      if (source.layout.name === '0+5+0') throw new RangeError(`"${id}": the layout is 5.1 already`);
      return foldTo51(source, id);
    case 'loro':
      return loRoDownmix(fiveOneOf(source), id, settings.loRo);
    case 'ltrt':
      return ltRtDownmix(fiveOneOf(source), id, settings.ltRt);
    case 'mono':
      return monoDownmix(loRoDownmix(fiveOneOf(source), `${source.id}-to-loro`, settings.loRo), id, settings.monoLaw);
  }
}

/** The output called `id`; throws an Error saying what ids there are for one it does not know. */
export function outputById(id: string, settings: OutputCatalogSettings): OutputDefinition {
  if (isStudioOutputId(id)) return studioOutput(id, settings);
  const unknown = (): Error => new Error(`unknown output "${id}": expected ${outputIdHelp()}`);
  const layout = layoutNamed(id);
  if (layout !== undefined) return layoutOutput(layout);
  if (id.startsWith('binaural-')) {
    const name = layoutNamed(id.slice('binaural-'.length));
    if (name === undefined) throw unknown();
    return layoutBinauralOutput(layoutOutput(name), settings.hrtfSet);
  }
  const match = /^(.+)-to-([^-]+)$/.exec(id);
  const name = match === null ? undefined : layoutNamed(match[1]!);
  const target = DOWNMIX_TARGETS.find((t) => t === match?.[2]);
  if (name === undefined || target === undefined) throw unknown();
  return downmixOutput(layoutOutput(name), target, settings);
}

/** Whether rendering `output` needs an HRTF set. */
export function needsHrtf(output: OutputDefinition): boolean {
  return output.kind === 'binaural' || output.kind === 'layoutBinaural';
}
