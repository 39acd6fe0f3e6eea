import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { speakerOutputOf } from '../../core/outputs/monitoredSpeakers';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { applyDownmix } from '../downmix/downmix';

/**
 * How the monitored output is made from the outputs the host renders, and laid on the
 * device's channels (the wire): one rendered output as it is, or a plain downmix of one
 * (mono from stereo), computed per block. An output of one or two channels plays on the
 * first two device channels (one channel on both); a loudspeaker output of more plays
 * one channel per device output in its file order (WAVE_FORMAT_EXTENSIBLE: `fileOrder`),
 * when the device has that many.
 *
 * The monitored loudspeakers (core/outputs/monitoredSpeakers.ts) are the channels of
 * `speakerSource`; a speaker solo plays one of them alone: on its own device channel for
 * a loudspeaker output, on both channels of a two-channel monitor.
 */
export interface MonitorRoute {
  readonly output: OutputDefinition;
  /** Index of the rendered output it reads. */
  readonly source: number;
  /** Index of the rendered output whose channels are the monitored loudspeakers, or -1 (binaural). */
  readonly speakerSource: number;
  /** The downmix applied to it, or null to play it as it is. */
  readonly matrix: readonly (readonly number[])[] | null;
  /** The downmix's block, one array per channel. */
  readonly scratch: readonly Float32Array[];
  /** Device channel k carries the monitored output's channel channelOnWire[k]. */
  readonly channelOnWire: readonly number[];
  /** This block's device channels, set by monitorBlock (2 for a one- or two-channel monitor). */
  readonly wire: Float32Array[];
  /** A silent block, for the channels a speaker solo silences. */
  readonly silence: Float32Array;
}

/**
 * Routes `output` from the `rendered` outputs onto a device of `deviceChannels` channels;
 * throws naming it when it cannot be monitored from them or needs more device channels.
 */
export function routeMonitor(output: OutputDefinition, rendered: readonly OutputDefinition[], deviceChannels = 2): MonitorRoute {
  const channels = output.channels.length;
  if (channels < 1) throw new RangeError(`monitor: "${output.id}" has no channels`);
  if (channels > 2 && channels > deviceChannels) {
    throw new RangeError(`monitor: "${output.id}" has ${channels} channels; this device plays ${deviceChannels}`);
  }
  const speakers = speakerOutputOf(output);
  const speakerSource = speakers === null ? -1 : rendered.findIndex((o) => o.id === speakers.id);
  const common = {
    output,
    speakerSource,
    channelOnWire: channels > 2 ? output.fileOrder : channels === 2 ? [0, 1] : [0, 0],
    wire: new Array<Float32Array>(channels > 2 ? channels : 2),
    silence: new Float32Array(RENDER_BLOCK_FRAMES),
  };
  const direct = rendered.findIndex((o) => o.id === output.id);
  if (direct >= 0) return { ...common, source: direct, matrix: null, scratch: [] };
  const from = output.kind === 'downmix' ? rendered.findIndex((o) => o.id === output.from.id) : -1;
  if (output.kind !== 'downmix' || from < 0) {
    const ids = rendered.map((o) => o.id).join(', ');
    throw new RangeError(`monitor: "${output.id}" is not rendered here, nor a downmix of an output that is (${ids})`);
  }
  if (output.quadrature !== undefined) {
    throw new RangeError(`monitor: "${output.id}" is a matrix encoding: its phase network runs in the renderer, so it must be rendered, not derived by the monitor`);
  }
  return {
    ...common,
    source: from,
    matrix: output.matrix,
    scratch: output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)),
  };
}

/** Device channels this route writes. */
export function wireChannels(route: MonitorRoute): number {
  return route.channelOnWire.length;
}

/**
 * This block's monitored signal on the device's channels (`blocks[i]` for rendered output
 * i); a one-channel monitor is the same array twice. With `soloSpeaker` >= 0 (a channel of
 * the monitored loudspeakers), that channel alone. Allocation-free.
 */
export function monitorBlock(route: MonitorRoute, blocks: readonly (readonly Float32Array[])[], soloSpeaker = -1): readonly Float32Array[] {
  const wire = route.wire;
  if (soloSpeaker >= 0 && route.speakerSource >= 0) {
    const solo = blocks[route.speakerSource]![soloSpeaker];
    if (solo !== undefined) {
      const onOwnChannel = route.channelOnWire.length >= 2 && route.channelOnWire[0] !== route.channelOnWire[1] && route.speakerSource === route.source && route.matrix === null;
      for (let k = 0; k < route.channelOnWire.length; k++) {
        wire[k] = !onOwnChannel || route.channelOnWire[k] === soloSpeaker ? solo : route.silence;
      }
      return wire;
    }
  }
  let channels = blocks[route.source]!;
  if (route.matrix !== null) {
    applyDownmix(route.matrix, channels, route.scratch, RENDER_BLOCK_FRAMES);
    channels = route.scratch;
  }
  for (let k = 0; k < route.channelOnWire.length; k++) wire[k] = channels[route.channelOnWire[k]!] ?? channels[0]!;
  return wire;
}
