import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { applyDownmix } from '../downmix/downmix';

/**
 * How the monitored output is made from the outputs the host renders: one of them as it
 * is, or a downmix of one (mono from stereo), computed per block. A monitor has one or
 * two channels (the page plays two; one is heard on both).
 */
export interface MonitorRoute {
  readonly output: OutputDefinition;
  /** Index of the rendered output it reads. */
  readonly source: number;
  /** The downmix applied to it, or null to play it as it is. */
  readonly matrix: readonly (readonly number[])[] | null;
  /** The downmix's block, one array per channel. */
  readonly scratch: readonly Float32Array[];
  /** This block's (left, right), set by monitorBlock. */
  readonly pair: Float32Array[];
}

/** Routes `output` from the `rendered` outputs; throws naming it when it cannot be monitored from them. */
export function routeMonitor(output: OutputDefinition, rendered: readonly OutputDefinition[]): MonitorRoute {
  const channels = output.channels.length;
  if (channels < 1 || channels > 2) {
    throw new RangeError(`monitor: "${output.id}" has ${channels} channels; the monitor plays one or two`);
  }
  const direct = rendered.findIndex((o) => o.id === output.id);
  const pair: Float32Array[] = [];
  if (direct >= 0) return { output, source: direct, matrix: null, scratch: [], pair };
  const from = output.kind === 'downmix' ? rendered.findIndex((o) => o.id === output.from.id) : -1;
  if (output.kind !== 'downmix' || from < 0) {
    const ids = rendered.map((o) => o.id).join(', ');
    throw new RangeError(`monitor: "${output.id}" is not rendered here, nor a downmix of an output that is (${ids})`);
  }
  if (output.quadrature !== undefined) throw new RangeError(`monitor: "${output.id}" is a matrix encoding, which the monitor does not play`);
  return {
    output,
    source: from,
    matrix: output.matrix,
    scratch: output.channels.map(() => new Float32Array(RENDER_BLOCK_FRAMES)),
    pair,
  };
}

/**
 * This block's monitored signal as (left, right), from the rendered outputs' blocks
 * (`blocks[i]` for rendered output i); a one-channel monitor is the same array twice.
 * Allocation-free.
 */
export function monitorBlock(route: MonitorRoute, blocks: readonly (readonly Float32Array[])[]): readonly Float32Array[] {
  let channels = blocks[route.source]!;
  if (route.matrix !== null) {
    applyDownmix(route.matrix, channels, route.scratch, RENDER_BLOCK_FRAMES);
    channels = route.scratch;
  }
  const left = channels[0]!;
  route.pair[0] = left;
  route.pair[1] = channels[1] ?? left;
  return route.pair;
}
