import type { LayoutChannel } from '../../core/layouts';
import type { MonoLaw } from '../../core/monoLaw';
import { monitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { RenderedOutput } from '../../core/outputs/renderedOutput';
import { analyzeStereoMix } from './mixMonoAnalysis';
import { foldDownToStereo } from './multichannelFoldDown';

/** What an output's mono check measured, and of what. */
export interface OutputMonoCheck {
  /** Mono sum vs stereo, dB (signed: negative = lost in mono), overall, as the mix analysis states it. */
  readonly monoVsStereoDb: number;
  /** 'pair': its two loudspeaker channels; 'ears': a headphone render's ears; 'fold-down': the BS.2127 stereo fold-down of its loudspeakers (LFE dropped). */
  readonly of: 'pair' | 'ears' | 'fold-down';
}

/**
 * The mono check of a rendered output, as `npm run analyze` makes it of a mix file: a
 * two-channel output (stereo, Lo/Ro, Lt/Rt, the ears of a headphone render) summed to mono
 * by the mono law, a wider loudspeaker output first folded to stereo as a multichannel file
 * is (every loudspeaker an object at its nominal position through BS.2127's 0+2+0 gains,
 * the LFE dropped: multichannelFoldDown.ts). Undefined for a one-channel output (mono
 * has nothing to fold).
 */
export function outputMonoCheck({ output, channels }: RenderedOutput, sampleRateHz: number, monoLaw: MonoLaw): OutputMonoCheck | undefined {
  if (channels.length < 2) return undefined;
  const ears = output.kind === 'binaural' || output.kind === 'layoutBinaural';
  const [left, right] = channels.length === 2 ? [channels[0]!, channels[1]!] : foldDownToStereo(channels, speakerChannels(output));
  const monoVsStereoDb = analyzeStereoMix(left, right, sampleRateHz, { monoLaw }).overall.monoVsStereoDb;
  return { monoVsStereoDb, of: ears ? 'ears' : channels.length === 2 ? 'pair' : 'fold-down' };
}

/** The output's loudspeakers at their positions (a layout's own, a downmix's by BS.2051 label). */
function speakerChannels(output: OutputDefinition): LayoutChannel[] {
  const speakers = monitoredSpeakers(output);
  if (speakers === null || speakers.outputId !== output.id) throw new RangeError(`mono check: output "${output.id}" has no loudspeaker positions to fold down`);
  return speakers.speakers.map((s): LayoutChannel => {
    if (s.isLfe) return { label: s.label, isLfe: true };
    if (s.azimuthDeg === null || s.elevationDeg === null) throw new RangeError(`mono check: output "${output.id}": no position for loudspeaker ${s.label}`);
    return { label: s.label, isLfe: false, azimuthDeg: s.azimuthDeg, elevationDeg: s.elevationDeg, azimuthRangeDeg: [s.azimuthDeg, s.azimuthDeg], elevationRangeDeg: [s.elevationDeg, s.elevationDeg] };
  });
}
