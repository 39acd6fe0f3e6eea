import type { AnalysedStripKind } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { Scene } from '../../core/scene/scene';

/**
 * What a scene's mono analysis attributes the render to, each rendered alone: every
 * audible object, bed and HOA stem (the renderer's audibility: not muted and, when
 * anything is soloed, soloed), in the renderer's order (objects, beds, HOA stems).
 */
export interface AnalysisContributor {
  readonly id: string;
  readonly name: string;
  readonly kind: AnalysedStripKind;
  /** The scene with this one alone and audible (same listener, same master). */
  readonly alone: Scene;
  /** Its stem's channels, as the renderer takes them. */
  readonly stem: readonly Float32Array[];
  /** The stem channel pairs whose correlation is measured: a stereo stem's, a bed's mirrored loudspeakers; none for a mono or HOA stem. */
  readonly pairs: readonly StemPair[];
}

/** Two channels of a stem, left first; a bed's with their loudspeaker labels. */
export interface StemPair {
  readonly left: number;
  readonly right: number;
  readonly labels?: readonly [string, string];
}

/** stems: scene.sources' stems, then scene.beds', then scene.ambisonics' (createSceneRenderer's order). */
export function audibleContributors(scene: Scene, stems: readonly (readonly Float32Array[])[]): AnalysisContributor[] {
  const beds = scene.beds ?? [];
  const ambisonics = scene.ambisonics ?? [];
  const strips = [...scene.sources, ...beds, ...ambisonics];
  if (stems.length !== strips.length) {
    throw new Error(`mono analysis: expected stems for ${scene.sources.length} sources, ${beds.length} beds and ${ambisonics.length} HOA stems, got ${stems.length}`);
  }
  const anySolo = strips.some((strip) => strip.solo);
  const audible = <T extends { mute: boolean; solo: boolean }>(strip: T): boolean => !strip.mute && (!anySolo || strip.solo);
  const { beds: _beds, ambisonics: _ambisonics, ...objectsOnly } = scene;
  const none: Scene = { ...objectsOnly, sources: [] };
  const contributors: AnalysisContributor[] = [];
  scene.sources.forEach((source, i) => {
    if (!audible(source)) return;
    const stem = stems[i]!;
    const pairs = stem.length === 2 ? [{ left: 0, right: 1 }] : [];
    contributors.push({ id: source.id, name: source.name, kind: 'object', alone: { ...none, sources: [{ ...source, mute: false, solo: false }] }, stem, pairs });
  });
  beds.forEach((bed, j) => {
    if (!audible(bed)) return;
    const stem = stems[scene.sources.length + j]!;
    contributors.push({ id: bed.id, name: bed.name, kind: 'bed', alone: { ...none, beds: [{ ...bed, mute: false, solo: false }] }, stem, pairs: mirroredPairs(bed.channels) });
  });
  ambisonics.forEach((stemStrip, k) => {
    if (!audible(stemStrip)) return;
    const stem = stems[scene.sources.length + beds.length + k]!;
    contributors.push({ id: stemStrip.id, name: stemStrip.name, kind: 'hoa', alone: { ...none, ambisonics: [{ ...stemStrip, mute: false, solo: false }] }, stem, pairs: [] });
  });
  return contributors;
}

/** A bed's channels whose loudspeakers mirror each other left/right (BS.2051 labels X+nnn and X-nnn), left first. */
function mirroredPairs(labels: readonly string[]): StemPair[] {
  const pairs: StemPair[] = [];
  labels.forEach((label, left) => {
    if (!label.includes('+')) return;
    const right = labels.indexOf(label.replace('+', '-'));
    if (right >= 0) pairs.push({ left, right, labels: [label, labels[right]!] });
  });
  return pairs;
}

/** Every contributor's stem pairs as their two channels, contributor after contributor: the order of a span's stem sums. */
export function pairChannels(contributors: readonly AnalysisContributor[]): (readonly Float32Array[])[] {
  return contributors.flatMap((c) => c.pairs.map((pair) => [c.stem[pair.left]!, c.stem[pair.right]!]));
}
