/**
 * The Audio Definition Model (ITU-R BS.2076-2) as plain data: what an ADM BWF's `axml`
 * chunk says, element by element, with IDs as references between them. Times are in
 * seconds, gains linear, angles in degrees (azimuth positive to the left, BS.2076),
 * Cartesian coordinates in [-1, 1] (X right, Y front, Z up). Optional fields are absent
 * when the document leaves them out, so a reader's defaults stay the renderer's business.
 *
 * Kept apart from the studio's scene (core/scene): importing a file gives this model and
 * the track assignments (io/adm); turning it into a scene is a later step.
 */

export type AdmTypeDefinition = 'DirectSpeakers' | 'Matrix' | 'Objects' | 'HOA' | 'Binaural';

/** typeLabel of each typeDefinition (BS.2076-2 table 8). */
export const ADM_TYPE_LABELS: Readonly<Record<AdmTypeDefinition, string>> = { DirectSpeakers: '0001', Matrix: '0002', Objects: '0003', HOA: '0004', Binaural: '0005' };

export interface AdmProgramme {
  readonly id: string;
  readonly name: string;
  readonly language?: string;
  readonly start?: number;
  readonly end?: number;
  readonly contentIds: readonly string[];
}

export interface AdmContent {
  readonly id: string;
  readonly name: string;
  readonly language?: string;
  readonly objectIds: readonly string[];
  /** BS.2076 `dialogue`: 0 no dialogue, 1 dialogue, 2 mixed. */
  readonly dialogue?: 0 | 1 | 2;
}

export interface AdmObject {
  readonly id: string;
  readonly name: string;
  readonly start?: number;
  readonly duration?: number;
  /** Linear gain applied to the object (BS.2076-2 audioObject gain). */
  readonly gain?: number;
  readonly importance?: number;
  readonly interact?: boolean;
  readonly packFormatIds: readonly string[];
  /** Objects nested in this one. */
  readonly objectIds: readonly string[];
  readonly trackUidIds: readonly string[];
}

export interface AdmPackFormat {
  readonly id: string;
  readonly name: string;
  readonly type: AdmTypeDefinition;
  readonly channelFormatIds: readonly string[];
  /** Packs nested in this one. */
  readonly packFormatIds: readonly string[];
  readonly importance?: number;
  readonly absoluteDistance?: number;
  /** HOA packs: normalisation of all their channels, e.g. SN3D. */
  readonly normalization?: string;
}

export interface AdmChannelFormat {
  readonly id: string;
  readonly name: string;
  readonly type: AdmTypeDefinition;
  readonly blocks: readonly AdmBlockFormat[];
  readonly lowPassHz?: number;
  readonly highPassHz?: number;
}

export interface AdmStreamFormat {
  readonly id: string;
  readonly name: string;
  readonly formatDefinition?: string;
  readonly channelFormatId?: string;
  readonly packFormatId?: string;
  readonly trackFormatIds: readonly string[];
}

export interface AdmTrackFormat {
  readonly id: string;
  readonly name: string;
  readonly formatDefinition?: string;
  readonly streamFormatId?: string;
}

export interface AdmTrackUid {
  readonly id: string;
  readonly sampleRateHz?: number;
  readonly bitDepth?: number;
  readonly trackFormatId?: string;
  /** BS.2076-2 lets a track UID name its channel format directly instead of through a track format. */
  readonly channelFormatId?: string;
  readonly packFormatId?: string;
}

/** A position in polar (degrees, distance relative, 1 = the reference distance) or Cartesian form. */
export type AdmPosition =
  | { readonly coordinates: 'polar'; readonly azimuth: number; readonly elevation: number; readonly distance?: number }
  | { readonly coordinates: 'cartesian'; readonly x: number; readonly y: number; readonly z?: number };

/** Common to every audioBlockFormat: its ID and time span in the channel. */
interface AdmBlockTiming {
  readonly id: string;
  readonly rtime?: number;
  readonly duration?: number;
}

export interface AdmObjectsBlock extends AdmBlockTiming {
  readonly type: 'Objects';
  readonly position: AdmPosition;
  /** Linear gain. */
  readonly gain?: number;
  readonly width?: number;
  readonly height?: number;
  readonly depth?: number;
  readonly diffuse?: number;
  /** jumpPosition: the block's position is reached over interpolationLength seconds (0 = a jump) instead of over the whole block. */
  readonly jumpPosition?: { readonly flag: boolean; readonly interpolationLength?: number };
  readonly channelLock?: { readonly flag: boolean; readonly maxDistance?: number };
  readonly objectDivergence?: { readonly value: number; readonly azimuthRange?: number; readonly positionRange?: number };
  readonly zoneExclusion?: readonly AdmExclusionZone[];
  readonly screenRef?: boolean;
  readonly importance?: number;
  readonly headLocked?: boolean;
  readonly headphoneVirtualise?: { readonly bypass?: boolean; readonly directToReverberantRatio?: number };
}

/** A zone loudspeakers are excluded from: a Cartesian box or a polar sector. */
export type AdmExclusionZone =
  | { readonly coordinates: 'cartesian'; readonly minX: number; readonly maxX: number; readonly minY: number; readonly maxY: number; readonly minZ: number; readonly maxZ: number }
  | { readonly coordinates: 'polar'; readonly minElevation: number; readonly maxElevation: number; readonly minAzimuth: number; readonly maxAzimuth: number };

/** A DirectSpeakers coordinate with its optional bounds (BS.2076 `bound="min"`/`"max"`). */
export interface AdmBoundedValue {
  readonly value: number;
  readonly min?: number;
  readonly max?: number;
}

export interface AdmDirectSpeakersBlock extends AdmBlockTiming {
  readonly type: 'DirectSpeakers';
  readonly speakerLabels: readonly string[];
  readonly position:
    | { readonly coordinates: 'polar'; readonly azimuth: AdmBoundedValue; readonly elevation: AdmBoundedValue; readonly distance?: AdmBoundedValue }
    | { readonly coordinates: 'cartesian'; readonly x: AdmBoundedValue; readonly y: AdmBoundedValue; readonly z?: AdmBoundedValue };
}

export interface AdmHoaBlock extends AdmBlockTiming {
  readonly type: 'HOA';
  readonly order: number;
  readonly degree: number;
  readonly normalization?: string;
  readonly nfcRefDist?: number;
  readonly screenRef?: boolean;
}

/** Matrix and Binaural blocks: kept by their timing only (the studio renders neither). */
export interface AdmOtherBlock extends AdmBlockTiming {
  readonly type: 'Matrix' | 'Binaural';
}

export type AdmBlockFormat = AdmObjectsBlock | AdmDirectSpeakersBlock | AdmHoaBlock | AdmOtherBlock;

/** Every element of one ADM document, in document order per kind. */
export interface AdmDocument {
  readonly programmes: readonly AdmProgramme[];
  readonly contents: readonly AdmContent[];
  readonly objects: readonly AdmObject[];
  readonly packFormats: readonly AdmPackFormat[];
  readonly channelFormats: readonly AdmChannelFormat[];
  readonly streamFormats: readonly AdmStreamFormat[];
  readonly trackFormats: readonly AdmTrackFormat[];
  readonly trackUids: readonly AdmTrackUid[];
}

/** One `chna` entry (ITU-R BS.2088 / EBU Tech 3285 s7): file track (1-based) to track UID, track format and pack format. */
export interface ChnaEntry {
  readonly trackIndex: number;
  readonly trackUid: string;
  readonly trackFormatId: string;
  readonly packFormatId: string;
}
