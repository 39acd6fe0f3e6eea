import { audibleSources } from '../../core/scene/scene';
import type { Scene } from '../../core/scene/scene';
import { shownText } from '../terminalText';

/** Below this sample peak (the meters' floor) an output counts as silent. */
const SILENCE_DBFS = -150;

/**
 * A render that was written but is suspect: exit status 3 when every output is silent
 * (unless --allow-silent), 4 when blocks had non-finite samples and were silenced.
 */
export class SuspectRenderError extends Error {
  override readonly name = 'SuspectRenderError';

  constructor(
    message: string,
    readonly exitCode: 3 | 4,
  ) {
    super(message);
  }
}

/** What a finished render tells about itself. */
export interface RenderFacts {
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
  /** Sample peak of each output written, dBFS. */
  readonly peaksDbfs: readonly number[];
  readonly nonFiniteBlocks: number;
}

/**
 * Throws a SuspectRenderError for a render with non-finite blocks, or a silent one (every
 * output below SILENCE_DBFS) unless `allowSilent`, which only warns on `log`. The message
 * says why a render may be silent.
 */
export function checkRender(facts: RenderFacts, allowSilent: boolean, log: (line: string) => void): void {
  if (facts.nonFiniteBlocks > 0) {
    throw new SuspectRenderError(
      `${facts.nonFiniteBlocks} blocks had non-finite samples (NaN or infinity: a stem or gain beyond float range, or a bad HRTF) and were silenced in the files written`,
      4,
    );
  }
  if (facts.peaksDbfs.some((peak) => peak > SILENCE_DBFS)) return;
  const why = `the render is silent (every output peaks below ${SILENCE_DBFS} dBFS): ${silenceReason(facts.scene, facts.stems)}`;
  if (!allowSilent) throw new SuspectRenderError(`${why}; the files are written; add --allow-silent to accept a silent render`, 3);
  log(`warning: ${why}`);
}

/** Why a render may be silent, from the scene and its stems. */
function silenceReason(scene: Scene, stems: readonly (readonly Float32Array[])[]): string {
  if (scene.sources.length === 0) return 'the scene has no sources';
  const audible = audibleSources(scene);
  if (audible.length === 0) return scene.sources.some((s) => s.solo) ? 'every soloed source is muted' : 'every source is muted';
  const isSilent = (channels: readonly Float32Array[]): boolean => channels.every((channel) => channel.every((x) => x === 0));
  if (audible.every((source) => isSilent(stems[scene.sources.indexOf(source)]!))) {
    return `the stem of every audible source is silent (${audible.map((s) => `"${shownText(s.name)}"`).join(', ')})`;
  }
  return 'the audible sources are too quiet: check their gains and distances';
}
