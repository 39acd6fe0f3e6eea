import { DEFAULT_MID_SIDE_SETTINGS, MID_SIDE_LIMITS, MID_SIDE_NUMBER_FIELDS, isDefaultMidSide } from '../core/scene/midSideSettings';
import type { MidSideNumberField, MidSideSettings, MidSideSettingsPatch } from '../core/scene/midSideSettings';
import { DEFAULT_SPREAD_DEG, SCENE_LIMITS } from '../core/scene/scene';
import { sceneStrips } from '../core/scene/scene';
import type { MasterSettings, Scene, SceneBed, SceneSource, SourcePosition } from '../core/scene/scene';
import type { AdmCartesianPosition } from '../core/scene/objectMetadata';
import type { SceneAmbisonics } from '../core/scene/ambisonicStem';
import { wrapAzimuthDeg } from '../core/units';
import type { Decibels, Degrees, Metres } from '../core/units';

/**
 * Pure edits of the immutable Scene. Every function returns the same object when nothing
 * changes, so the store can tell a no-op from an edit by reference (and add no undo step).
 * Values are brought into SCENE_LIMITS: azimuth wraps into (-180, 180], the others clamp;
 * non-finite numbers are ignored.
 */

/** A partial ADM Cartesian position of a Cartesian object: the fields to set, each clamped into [-1, 1]. */
export interface CartesianPositionPatch {
  readonly X?: number;
  readonly Y?: number;
  readonly Z?: number;
}

/** `position` with the finite fields of `patch` set (clamped into [-1, 1]); the same object when nothing changes. */
export function cartesianPositionWith(position: AdmCartesianPosition, patch: CartesianPositionPatch): AdmCartesianPosition {
  const field = (value: number | undefined, current: number): number => (isFiniteNumber(value) ? Math.min(1, Math.max(-1, value)) : current);
  const X = field(patch.X, position.X);
  const Y = field(patch.Y, position.Y);
  const Z = field(patch.Z, position.Z);
  return X === position.X && Y === position.Y && Z === position.Z ? position : { ...position, X, Y, Z };
}

/** A partial position: the fields to set (absolute) or to add (nudge). */
export interface PositionPatch {
  readonly azimuthDeg?: Degrees;
  readonly elevationDeg?: Degrees;
  readonly distanceM?: Metres;
}

/** Keeps float noise (0.7 + 0.1 = 0.7999999999999999) out of nudged values. */
const NUDGE_ROUNDING = 1e9;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function clampElevationDeg(elevationDeg: Degrees): Degrees {
  return clamp(elevationDeg, SCENE_LIMITS.elevationDeg.min, SCENE_LIMITS.elevationDeg.max);
}

function clampDistanceM(distanceM: Metres): Metres {
  return clamp(distanceM, SCENE_LIMITS.distanceM.min, SCENE_LIMITS.distanceM.max);
}

export function clampGainDb(gainDb: Decibels): Decibels {
  return clamp(gainDb, SCENE_LIMITS.gainDb.min, SCENE_LIMITS.gainDb.max);
}

export function clampSpreadDeg(spreadDeg: Degrees): Degrees {
  return clamp(spreadDeg, SCENE_LIMITS.spreadDeg.min, SCENE_LIMITS.spreadDeg.max);
}

/** An object's extent fields (ADM width, height, depth) to set. */
export type ExtentPatch = Partial<Record<'width' | 'height' | 'depth', number>>;

/** The extent's ranges: a polar object's width and height in degrees and depth as a distance fraction; a Cartesian one's in cube units. */
export function extentLimits(cartesian: boolean): Readonly<Record<'width' | 'height' | 'depth', { min: number; max: number }>> {
  if (cartesian) return { width: { min: 0, max: 2 }, height: { min: 0, max: 2 }, depth: { min: 0, max: 2 } };
  return { width: { min: 0, max: 360 }, height: { min: 0, max: 360 }, depth: { min: 0, max: 1 } };
}

/** `source` with the finite fields of `patch` clamped into its extent limits; a field at 0 is left out (ADM's default). */
export function sourceWithExtent(source: SceneSource, patch: ExtentPatch): SceneSource {
  const limits = extentLimits(source.cartesianPosition !== undefined);
  let next: SceneSource = source;
  for (const key of ['width', 'height', 'depth'] as const) {
    const value = patch[key];
    if (!isFiniteNumber(value)) continue;
    const clamped = clamp(value, limits[key].min, limits[key].max);
    if ((next[key] ?? 0) === clamped) continue;
    const { [key]: _old, ...rest } = next;
    next = clamped === 0 ? rest : { ...rest, [key]: clamped };
  }
  return next;
}

/** `position` with the finite fields of `patch` set, wrapped and clamped into the scene limits. */
export function positionWith(position: SourcePosition, patch: PositionPatch): SourcePosition {
  const azimuthDeg = isFiniteNumber(patch.azimuthDeg) ? wrapAzimuthDeg(patch.azimuthDeg) : position.azimuthDeg;
  const elevationDeg = isFiniteNumber(patch.elevationDeg) ? clampElevationDeg(patch.elevationDeg) : position.elevationDeg;
  const distanceM = isFiniteNumber(patch.distanceM) ? clampDistanceM(patch.distanceM) : position.distanceM;
  if (azimuthDeg === position.azimuthDeg && elevationDeg === position.elevationDeg && distanceM === position.distanceM) {
    return position;
  }
  return { ...position, azimuthDeg, elevationDeg, distanceM };
}

/** `position` moved by the finite fields of `delta` (then wrapped and clamped), rounded to 1e-9. */
export function positionNudged(position: SourcePosition, delta: PositionPatch): SourcePosition {
  const add = (base: number, step: number | undefined): number | undefined =>
    isFiniteNumber(step) && step !== 0 ? Math.round((base + step) * NUDGE_ROUNDING) / NUDGE_ROUNDING : undefined;
  const patch: { azimuthDeg?: number; elevationDeg?: number; distanceM?: number } = {};
  const azimuthDeg = add(position.azimuthDeg, delta.azimuthDeg);
  const elevationDeg = add(position.elevationDeg, delta.elevationDeg);
  const distanceM = add(position.distanceM, delta.distanceM);
  if (azimuthDeg !== undefined) patch.azimuthDeg = azimuthDeg;
  if (elevationDeg !== undefined) patch.elevationDeg = elevationDeg;
  if (distanceM !== undefined) patch.distanceM = distanceM;
  return positionWith(position, patch);
}

/** How far one keyboard nudge moves a Cartesian object along an axis: 1 % of the room's half-width. */
export const CARTESIAN_NUDGE = 0.01;

/**
 * A Cartesian object's position moved by a keyboard nudge given as a polar delta (the
 * stage's arrow keys): azimuth (left +) along -X, distance (out +) along +Y (front),
 * elevation along +Z, CARTESIAN_NUDGE per step whatever the step's size; clamped into the
 * cube, rounded to 0.001 as a drag is. The same object when nothing changes.
 */
export function cartesianPositionNudged(position: AdmCartesianPosition, delta: PositionPatch): AdmCartesianPosition {
  const step = (value: number | undefined): number => (isFiniteNumber(value) ? Math.sign(value) * CARTESIAN_NUDGE : 0);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const x = step(delta.azimuthDeg);
  const y = step(delta.distanceM);
  const z = step(delta.elevationDeg);
  return cartesianPositionWith(position, {
    ...(x === 0 ? {} : { X: round(position.X - x) }),
    ...(y === 0 ? {} : { Y: round(position.Y + y) }),
    ...(z === 0 ? {} : { Z: round(position.Z + z) }),
  });
}

/**
 * `settings` (absent: the defaults) with the finite fields of `patch` set, clamped into
 * MID_SIDE_LIMITS. The same object when nothing changes; undefined when the result is all
 * defaults (so a reset leaves no trace in the scene).
 */
export function midSideWith(settings: MidSideSettings | undefined, patch: MidSideSettingsPatch): MidSideSettings | undefined {
  const base = settings ?? DEFAULT_MID_SIDE_SETTINGS;
  const changes: Partial<Record<MidSideNumberField, number>> & { bassMono?: boolean } = {};
  for (const field of MID_SIDE_NUMBER_FIELDS) {
    const value = patch[field];
    if (!isFiniteNumber(value)) continue;
    const { min, max } = MID_SIDE_LIMITS[field];
    const clamped = clamp(value, min, max);
    if (clamped !== base[field]) changes[field] = clamped;
  }
  if (patch.bassMono !== undefined && patch.bassMono !== base.bassMono) changes.bassMono = patch.bassMono;
  if (Object.keys(changes).length === 0) return settings;
  const next: MidSideSettings = { ...base, ...changes };
  return isDefaultMidSide(next) ? undefined : next;
}

/** The source with its mid/side settings replaced (the field dropped when undefined); the same source when unchanged. */
export function sourceWithMidSide(source: SceneSource, midSide: MidSideSettings | undefined): SceneSource {
  if (midSide === source.midSide) return source;
  const { midSide: _previous, ...rest } = source;
  return midSide === undefined ? rest : { ...rest, midSide };
}

/** The scene with the master's mid/side replaced (the master dropped when left empty); the same scene when unchanged. */
export function sceneWithMasterMidSide(scene: Scene, midSide: MidSideSettings | undefined): Scene {
  if (midSide === scene.master?.midSide) return scene;
  const { master, ...rest } = scene;
  const { midSide: _previous, ...masterRest } = master ?? {};
  const nextMaster: MasterSettings = midSide === undefined ? masterRest : { ...masterRest, midSide };
  return nextMaster.midSide === undefined && nextMaster.extraFields === undefined ? rest : { ...rest, master: nextMaster };
}

/** The scene with source `id` replaced by `update(source)`; the same scene if `id` is unknown or nothing changed. */
export function withSource(scene: Scene, id: string, update: (source: SceneSource) => SceneSource): Scene {
  const index = scene.sources.findIndex((s) => s.id === id);
  const source = scene.sources[index];
  if (source === undefined) return scene;
  const next = update(source);
  if (next === source) return scene;
  const sources = scene.sources.slice();
  sources[index] = next;
  return { ...scene, sources };
}

/** The scene with bed `id` replaced by `update(bed)`; the same scene if `id` is no bed's or nothing changed. */
export function withBed(scene: Scene, id: string, update: (bed: SceneBed) => SceneBed): Scene {
  const beds = listWith(scene.beds ?? [], id, update);
  return beds === scene.beds || beds === undefined ? scene : { ...scene, beds };
}

/** The scene with HOA stem `id` replaced by `update(stem)`; the same scene if `id` is no HOA stem's or nothing changed. */
export function withAmbisonics(scene: Scene, id: string, update: (stem: SceneAmbisonics) => SceneAmbisonics): Scene {
  const ambisonics = listWith(scene.ambisonics ?? [], id, update);
  return ambisonics === scene.ambisonics || ambisonics === undefined ? scene : { ...scene, ambisonics };
}

/** `list` with the item of `id` replaced by `update(item)`; undefined when no item has `id` or nothing changed. */
function listWith<T extends { readonly id: string }>(list: readonly T[], id: string, update: (item: T) => T): readonly T[] | undefined {
  const index = list.findIndex((item) => item.id === id);
  const item = list[index];
  if (item === undefined) return undefined;
  const next = update(item);
  if (next === item) return undefined;
  const nextList = list.slice();
  nextList[index] = next;
  return nextList;
}

export function findBed(scene: Scene, id: string | null): SceneBed | undefined {
  return id === null ? undefined : scene.beds?.find((b) => b.id === id);
}

export function findAmbisonics(scene: Scene, id: string | null): SceneAmbisonics | undefined {
  return id === null ? undefined : scene.ambisonics?.find((a) => a.id === id);
}

/** Whether anything (an object, a bed or an HOA stem) is soloed: then only soloed ones are heard. */
export function anySoloed(scene: Scene): boolean {
  return sceneStrips(scene).some((s) => s.solo);
}

/** Whether `id` is an object, a bed or an HOA stem of the scene: what can be selected (a bed or HOA stem by its mixer strip or a mono check finding). */
export function isSelectable(scene: Scene, id: string): boolean {
  return scene.sources.some((s) => s.id === id) || scene.beds?.some((b) => b.id === id) === true || scene.ambisonics?.some((a) => a.id === id) === true;
}

export function findSource(scene: Scene, id: string | null): SceneSource | undefined {
  return id === null ? undefined : scene.sources.find((s) => s.id === id);
}

export function sameSourceParams(a: SceneSource, b: SceneSource): boolean {
  return (
    a.gainDb === b.gainDb &&
    a.mute === b.mute &&
    a.solo === b.solo &&
    a.spreadDeg === b.spreadDeg &&
    a.midSide === b.midSide &&
    a.position.azimuthDeg === b.position.azimuthDeg &&
    a.position.elevationDeg === b.position.elevationDeg &&
    a.position.distanceM === b.position.distanceM
  );
}

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export function isSceneColor(color: string): boolean {
  return COLOR_PATTERN.test(color);
}

/**
 * A source brought into the scene limits (for addSource): position wrapped and clamped,
 * gain and spread clamped, a bad colour dropped. Returns null for an empty id or name.
 */
export function sanitizeSource(source: SceneSource): SceneSource | null {
  if (source.id.trim() === '' || source.name.trim() === '') return null;
  const position = positionWith(
    { ...source.position, azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
    source.position,
  );
  const { color, midSide, ...rest } = source;
  const cleanMidSide = midSide === undefined ? undefined : midSideWith(undefined, midSide);
  return {
    ...rest,
    ...(cleanMidSide === undefined ? {} : { midSide: cleanMidSide }),
    gainDb: isFiniteNumber(source.gainDb) ? clampGainDb(source.gainDb) : 0,
    spreadDeg: isFiniteNumber(source.spreadDeg) ? clampSpreadDeg(source.spreadDeg) : DEFAULT_SPREAD_DEG,
    position,
    ...(color !== undefined && isSceneColor(color) ? { color } : {}),
  };
}

export function isFiniteNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}
