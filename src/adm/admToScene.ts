import type { AdmObject, AdmObjectsBlock } from '../core/adm/admModel';
import { FieldError } from '../core/fieldError';
import { LAYOUT_NAMES, getLayout } from '../core/layouts';
import type { LayoutName } from '../core/layouts';
import type { AdmCartesianPosition, BinauralRenderMode, ObjectAdmParameters } from '../core/scene/objectMetadata';
import { ADM_NUMBER_LIMITS } from '../core/scene/objectMetadata';
import type { ObjectBlock } from '../core/scene/objectTimeline';
import { SCENE_FORMAT_VERSION, SCENE_LIMITS, SUPPORTED_SAMPLE_RATES_HZ } from '../core/scene/scene';
import type { Scene, SceneBed, SceneSource, SourcePosition } from '../core/scene/scene';
import { wrapAzimuthDeg } from '../core/units';
import { frameCount } from '../core/pcm';
import { parseSceneJson } from '../core/scene/sceneParse';
import { serializeScene } from '../core/scene/sceneWrite';
import type { AdmBwf } from '../io/adm/admBwfRead';
import type { AdmTrackAssignment } from '../io/adm/admTracks';
import { bs2051Label } from '../dsp/panners/directSpeakers/speakerLabel';
import type { SceneAmbisonics } from '../core/scene/ambisonicStem';
import { admHoaStem } from './hoaPacks';
import { writeCartesianExtentAsPolar, writeCartesianPointAsPolar, writePolarExtentAsCartesian, writePolarPointAsCartesian } from '../dsp/panners/objectGains/coordinateConversion';
import { cartesianToScenePosition } from '../core/scene/cartesianPosition';

/** A stem the imported scene refers to: its path relative to the scene file and its channels. */
export interface ImportedStem {
  readonly file: string;
  readonly channels: readonly Float32Array[];
}

export interface AdmSceneImport {
  readonly scene: Scene;
  readonly stems: readonly ImportedStem[];
  readonly warnings: readonly string[];
}

/** Imported objects stand at the distance model's reference (no level change, no air absorption): ADM carries level in the audio, and BS.2127 renders no distance. */
const IMPORTED_DISTANCE_M = 1;

/**
 * An ADM BWF file as a scene (format version 2): the first programme's objects (every
 * object when the file has no programme), nested ones included. Each Objects channel
 * becomes an object with a mono stem: its blocks a timeline (times from the programme's
 * start: the audioObject's start plus rtime; jumpPosition kept; gains in dB; an object
 * whose first block is Cartesian stays Cartesian, X, Y, Z and extent in cube units as
 * they are, as BS.2127 renders it allocentrically; a block of the other kind than its
 * object's is converted by BS.2127 section 10), or its
 * static values when it has one block; headphoneVirtualise becomes its binaural render
 * mode. A DirectSpeakers pack whose labels all belong to a BS.2051 layout becomes a bed
 * on the smallest such layout; the channels of any other become static objects at their
 * positions. An HOA pack becomes an HOA stem (hoaPacks.ts: its channels in ACN order).
 * Matrix and Binaural packs are refused naming the pack. Stems are named
 * `<stemFolder>/<nn>-<name>.wav`.
 */
export function admToScene(bwf: AdmBwf, fileName: string, stemFolder: string): AdmSceneImport {
  const { audio, document, lookup } = bwf;
  if (!SUPPORTED_SAMPLE_RATES_HZ.includes(audio.sampleRateHz)) {
    throw new FieldError(fileName, 'fmt', `sample rate ${audio.sampleRateHz} Hz (a scene takes ${SUPPORTED_SAMPLE_RATES_HZ.join(', ')} Hz)`);
  }
  const warnings: string[] = [];
  if (document.programmes.length > 1) warnings.push(`${fileName}: ${document.programmes.length} audioProgrammes; importing the first, ${document.programmes[0]!.id} "${document.programmes[0]!.name}"`);
  const objects = selectedObjects(bwf);
  const lengthSec = frameCount(audio) / audio.sampleRateHz;
  const sources: SceneSource[] = [];
  const beds: SceneBed[] = [];
  const ambisonics: SceneAmbisonics[] = [];
  const stems: ImportedStem[] = [];
  const stemFile = (name: string): string => `${stemFolder}/${String(stems.length + 1).padStart(2, '0')}-${safeName(name)}.wav`;
  const nextId = (): string => `adm-${sources.length + beds.length + ambisonics.length + 1}`;

  for (const object of objects) {
    const tracks = bwf.tracks.filter((track) => track.objectIds.includes(object.id));
    const objectName = shortName(object.name.trim() === '' ? object.id : object.name);
    const objectGainDb = gainDb(object.gain ?? 1);
    const startSec = object.start ?? 0;
    const byPack = new Map<string, AdmTrackAssignment[]>();
    for (const track of tracks) byPack.set(track.packFormatId, [...(byPack.get(track.packFormatId) ?? []), track]);
    for (const [packId, packTracks] of byPack) {
      const pack = lookup.packFormat(packId)!;
      if (pack.type === 'HOA') {
        const hoa = admHoaStem(fileName, object.id, pack, packTracks.map((track) => ({ channelFormat: lookup.channelFormat(track.channelFormatId)!, samples: audio.channels[track.channel]! })));
        warnings.push(...hoa.warnings);
        const file = stemFile(objectName);
        stems.push({ file, channels: hoa.channels });
        ambisonics.push({ id: nextId(), name: objectName, stem: { kind: 'file', file }, order: hoa.order, normalization: hoa.normalization, channelOrder: 'ACN', gainDb: objectGainDb, mute: false, solo: false });
        continue;
      }
      if (pack.type === 'Matrix' || pack.type === 'Binaural') {
        throw new FieldError(fileName, `audioObject ${object.id}`, `${pack.type} pack ${pack.id} "${pack.name}": importing ${pack.type} into a scene is not supported yet (Objects, DirectSpeakers and HOA are)`);
      }
      if (pack.type === 'Objects') {
        for (const track of packTracks) {
          const channel = lookup.channelFormat(track.channelFormatId)!;
          const blocks = channel.blocks.filter((b): b is AdmObjectsBlock => b.type === 'Objects');
          if (blocks.length === 0) throw new FieldError(fileName, `audioChannelFormat ${channel.id}`, 'an Objects channel without audioBlockFormats (expected at least one)');
          const name = packTracks.length > 1 ? `${objectName} ${channel.name}` : objectName;
          const file = stemFile(name);
          stems.push({ file, channels: [audio.channels[track.channel]!] });
          sources.push(objectSource(nextId(), name, file, blocks, objectGainDb, startSec, lengthSec));
        }
        continue;
      }
      const labels = packTracks.map((track) => speakerLabel(bwf, track));
      const layout = smallestLayoutWith(labels);
      if (layout !== undefined) {
        const file = stemFile(objectName);
        stems.push({ file, channels: packTracks.map((track) => audio.channels[track.channel]!) });
        beds.push({ id: nextId(), name: objectName, stem: { kind: 'file', file }, layout, channels: labels, gainDb: objectGainDb, mute: false, solo: false });
        continue;
      }
      warnings.push(`${fileName}: audioObject ${object.id}: DirectSpeakers ${labels.join(' ')} form no BS.2051 layout; imported as static objects at their positions`);
      packTracks.forEach((track, k) => {
        const name = `${objectName} ${labels[k]}`;
        const file = stemFile(name);
        stems.push({ file, channels: [audio.channels[track.channel]!] });
        sources.push({ id: nextId(), name, stem: { kind: 'file', file }, gainDb: objectGainDb, mute: false, solo: false, position: speakerPosition(bwf, track), spreadDeg: 0 });
      });
    }
  }
  const scene: Scene = {
    version: SCENE_FORMAT_VERSION,
    sampleRateHz: audio.sampleRateHz,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources,
    ...(beds.length === 0 ? {} : { beds }),
    ...(ambisonics.length === 0 ? {} : { ambisonics }),
  };
  checkImportedScene(scene, fileName);
  return { scene, stems, warnings };
}

/**
 * What the scene reader would refuse in the scene made (times beyond a day, counts beyond
 * its limits...) refuses the ADM file, naming it and the scene field.
 */
function checkImportedScene(scene: Scene, fileName: string): void {
  const label = 'imported scene';
  try {
    parseSceneJson(serializeScene(scene), label);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    throw new FieldError(fileName, '', `does not make a scene the studio reads: ${error.message.slice(label.length + 2)}`);
  }
}

/** The first programme's objects and the objects nested in them, in document order; every object referenced by a track when there is no programme. */
function selectedObjects({ document, lookup, tracks }: AdmBwf): AdmObject[] {
  const programme = document.programmes[0];
  const roots = programme === undefined
    ? document.objects.filter((o) => tracks.some((t) => t.objectIds.includes(o.id))).map((o) => o.id)
    : programme.contentIds.flatMap((id) => document.contents.find((c) => c.id === id)?.objectIds ?? []);
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(lookup.object(id)?.objectIds ?? []));
  }
  return document.objects.filter((o) => seen.has(o.id));
}

function objectSource(id: string, name: string, file: string, blocks: readonly AdmObjectsBlock[], objectGainDb: number, startSec: number, lengthSec: number): SceneSource {
  const cartesian = blocks[0]!.position.coordinates === 'cartesian';
  const converted = blocks.map((block) => blockValues(block, objectGainDb, cartesian));
  const first = converted[0]!;
  const { position, cartesianPosition, gainDb: firstGainDb, ...firstParameters } = first.values;
  const source: SceneSource = {
    id,
    name,
    stem: { kind: 'file', file },
    gainDb: firstGainDb,
    mute: false,
    solo: false,
    position: cartesianPosition === undefined ? position! : cartesianToScenePosition(cartesianPosition),
    ...(cartesianPosition === undefined ? {} : { cartesianPosition }),
    spreadDeg: 0,
    ...firstParameters,
    ...(first.mode === undefined ? {} : { binauralRenderMode: first.mode }),
  };
  if (blocks.length === 1) return source;
  const timeline: ObjectBlock[] = blocks.map((block, k) => {
    const rtimeSec = startSec + (block.rtime ?? 0);
    const nextSec = k + 1 < blocks.length ? startSec + (blocks[k + 1]!.rtime ?? 0) : Math.max(lengthSec, rtimeSec);
    const durationSec = block.duration ?? nextSec - rtimeSec;
    const jump = block.jumpPosition;
    return {
      rtimeSec,
      durationSec,
      ...(jump === undefined ? {} : { jumpPosition: { flag: jump.flag, interpolationLengthSec: jump.flag ? Math.min(jump.interpolationLength ?? 0, durationSec) : 0 } }),
      ...converted[k]!.values,
    };
  });
  return { ...source, timeline };
}

interface BlockValues {
  readonly values: ObjectAdmParameters & { readonly position?: SourcePosition; readonly cartesianPosition?: AdmCartesianPosition; readonly gainDb: number };
  readonly mode?: BinauralRenderMode;
}

const scratch = new Float64Array(3);

/**
 * One block's values as a scene object's: a polar object's position at the reference
 * distance with its extent in polar units, a Cartesian object's X, Y, Z with its extent in
 * cube units (`cartesian`: the object's kind, its first block's; a block of the other kind
 * is converted by BS.2127 section 10), gain in dB.
 */
function blockValues(block: AdmObjectsBlock, objectGainDb: number, cartesian: boolean): BlockValues {
  const position = cartesian ? cartesianPositionOf(block) : polarPositionOf(block);
  const extent = cartesian ? cartesianExtentOf(block) : polarExtentOf(block);
  const divergence = block.objectDivergence;
  const values = {
    ...position,
    gainDb: clampGainDb(objectGainDb + gainDb(block.gain ?? 1)),
    ...extent,
    ...(block.diffuse === undefined || block.diffuse === 0 ? {} : { diffuse: block.diffuse }),
    ...(block.channelLock?.flag === true ? { channelLock: block.channelLock.maxDistance === undefined ? {} : { maxDistance: block.channelLock.maxDistance } } : {}),
    ...(divergence === undefined || divergence.value === 0 ? {} : { objectDivergence: { value: divergence.value, ...(divergence.azimuthRange === undefined ? {} : { azimuthRange: divergence.azimuthRange }), ...(divergence.positionRange === undefined ? {} : { positionRange: divergence.positionRange }) } }),
    ...(block.zoneExclusion === undefined || block.zoneExclusion.length === 0 ? {} : { zoneExclusion: block.zoneExclusion.map(({ coordinates: _c, ...zone }) => zone) }),
  };
  const mode = renderModeOf(block.headphoneVirtualise);
  return { values, ...(mode === undefined ? {} : { mode }) };
}

/** The block's direction in degrees (a Cartesian position's by section 10). */
function blockDirection(block: AdmObjectsBlock): { azimuthDeg: number; elevationDeg: number } {
  if (block.position.coordinates === 'polar') return { azimuthDeg: block.position.azimuth, elevationDeg: block.position.elevation };
  writeCartesianPointAsPolar(block.position.x, block.position.y, block.position.z ?? 0, scratch);
  return { azimuthDeg: scratch[0]!, elevationDeg: scratch[1]! };
}

function polarPositionOf(block: AdmObjectsBlock): { position: SourcePosition } {
  const { azimuthDeg, elevationDeg } = blockDirection(block);
  return { position: { azimuthDeg: wrapAzimuthDeg(azimuthDeg), elevationDeg: Math.min(90, Math.max(-90, elevationDeg)), distanceM: IMPORTED_DISTANCE_M } };
}

/** A Cartesian block's X, Y, Z as they are; a polar block's direction by section 10 at its distance (1 when absent: the cube's surface). */
function cartesianPositionOf(block: AdmObjectsBlock): { cartesianPosition: AdmCartesianPosition } {
  const p = block.position;
  if (p.coordinates === 'cartesian') return { cartesianPosition: { X: clampUnit(p.x), Y: clampUnit(p.y), Z: clampUnit(p.z ?? 0) } };
  writePolarPointAsCartesian(p.azimuth, p.elevation, p.distance ?? 1, scratch);
  return { cartesianPosition: { X: clampUnit(scratch[0]!), Y: clampUnit(scratch[1]!), Z: clampUnit(scratch[2]!) } };
}

function clampUnit(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

function extentSizes(block: AdmObjectsBlock): { width: number; height: number; depth: number } | undefined {
  const width = block.width ?? 0;
  const height = block.height ?? 0;
  const depth = block.depth ?? 0;
  return width === 0 && height === 0 && depth === 0 ? undefined : { width, height, depth };
}

function polarExtentOf(block: AdmObjectsBlock): Pick<ObjectAdmParameters, 'width' | 'height' | 'depth'> {
  const sizes = extentSizes(block);
  if (sizes === undefined) return {};
  if (block.position.coordinates === 'polar') return sizes;
  const { azimuthDeg, elevationDeg } = blockDirection(block);
  writeCartesianExtentAsPolar(azimuthDeg, elevationDeg, sizes.width, sizes.depth, sizes.height, scratch);
  return { width: Math.min(360, scratch[0]!), height: Math.min(360, scratch[1]!), depth: Math.min(1, scratch[2]!) };
}

/** Cube units: width along X, depth along Y, height along Z (BS.2076-2's Cartesian extent), at most the scene's limits. */
function cartesianExtentOf(block: AdmObjectsBlock): Pick<ObjectAdmParameters, 'width' | 'height' | 'depth'> {
  const sizes = extentSizes(block);
  if (sizes === undefined) return {};
  if (block.position.coordinates === 'cartesian') return { width: sizes.width, height: sizes.height, depth: Math.min(ADM_NUMBER_LIMITS.depth.max, sizes.depth) };
  writePolarExtentAsCartesian(block.position.azimuth, block.position.elevation, sizes.width, sizes.height, sizes.depth, scratch);
  return { width: scratch[0]!, depth: Math.min(ADM_NUMBER_LIMITS.depth.max, scratch[1]!), height: scratch[2]! };
}

/** The inverse of the export's mapping (render/adm/sceneAdmObjects.ts): bypass is off; DRR 15 dB and above near, 5 to 15 mid, below far; no DRR mid. */
function renderModeOf(virtualise: AdmObjectsBlock['headphoneVirtualise']): BinauralRenderMode | undefined {
  if (virtualise === undefined) return undefined;
  if (virtualise.bypass === true) return 'off';
  const drr = virtualise.directToReverberantRatio;
  if (drr === undefined) return 'mid';
  return drr >= 15 ? 'near' : drr >= 5 ? 'mid' : 'far';
}

function speakerLabel({ lookup }: AdmBwf, track: AdmTrackAssignment): string {
  const block = lookup.channelFormat(track.channelFormatId)?.blocks[0];
  return block?.type === 'DirectSpeakers' ? bs2051Label(block.speakerLabels[0] ?? lookup.channelFormat(track.channelFormatId)!.name) : track.channelFormatId;
}

function speakerPosition({ lookup }: AdmBwf, track: AdmTrackAssignment): SourcePosition {
  const block = lookup.channelFormat(track.channelFormatId)?.blocks[0];
  if (block?.type !== 'DirectSpeakers') return { azimuthDeg: 0, elevationDeg: 0, distanceM: IMPORTED_DISTANCE_M };
  if (block.position.coordinates === 'polar') {
    return { azimuthDeg: wrapAzimuthDeg(block.position.azimuth.value), elevationDeg: block.position.elevation.value, distanceM: IMPORTED_DISTANCE_M };
  }
  writeCartesianPointAsPolar(block.position.x.value, block.position.y.value, block.position.z?.value ?? 0, scratch);
  return { azimuthDeg: wrapAzimuthDeg(scratch[0]!), elevationDeg: scratch[1]!, distanceM: IMPORTED_DISTANCE_M };
}

/** The layout with the fewest channels that has every label (each once), if any. */
function smallestLayoutWith(labels: readonly string[]): LayoutName | undefined {
  if (new Set(labels).size !== labels.length) return undefined;
  const fitting = LAYOUT_NAMES.filter((name) => {
    const layoutLabels = getLayout(name).channels.map((c) => c.label);
    return labels.every((label) => layoutLabels.includes(label));
  });
  return fitting.sort((a, b) => getLayout(a).channels.length - getLayout(b).channels.length)[0];
}

/** A name the scene takes (at most 200 characters; the scene allows 256 with room for a channel's). */
function shortName(name: string): string {
  return name.length > 200 ? name.slice(0, 200) : name;
}

function gainDb(linear: number): number {
  return linear <= 0 ? SCENE_LIMITS.gainDb.min : 20 * Math.log10(linear);
}

function clampGainDb(db: number): number {
  return Math.min(SCENE_LIMITS.gainDb.max, Math.max(SCENE_LIMITS.gainDb.min, db));
}

/** A file name part from an ADM name: letters, digits, '-' and '_' kept, the rest '_', at most 40 characters. */
function safeName(name: string): string {
  const cut = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return cut === '' ? 'track' : cut;
}
