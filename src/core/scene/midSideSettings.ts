import type { ExtraFields } from './scene';
import type { Decibels, Hertz } from '../units';

/**
 * Mid/side settings of a source or of the master, as the scene stores them: the
 * parameters of the mid/side processor except its monitor, which is a listening aid and
 * not part of the mix. The processor (dsp/midside/midSideControl.ts) takes its parameter
 * names, units and defaults from here, so a settings object can be handed to it as it is.
 *
 * Neutral settings (isNeutral) leave the sound untouched; a scene leaves out every field
 * at its default, and the whole object when all are.
 */
export interface MidSideSettings {
  /** Side level relative to the input: 0 = mono, 100 = unchanged, 200 = side doubled. */
  readonly widthPercent: number;
  readonly midGainDb: Decibels;
  readonly sideGainDb: Decibels;
  /** Removes the side below bassMonoCutoffHz (a 4th-order Linkwitz-Riley crossover on the side only). */
  readonly bassMono: boolean;
  readonly bassMonoCutoffHz: Hertz;
  readonly midLowShelfHz: Hertz;
  readonly midLowShelfGainDb: Decibels;
  readonly midHighShelfHz: Hertz;
  readonly midHighShelfGainDb: Decibels;
  readonly sideLowShelfHz: Hertz;
  readonly sideLowShelfGainDb: Decibels;
  readonly sideHighShelfHz: Hertz;
  readonly sideHighShelfGainDb: Decibels;
  readonly extraFields?: ExtraFields;
}

/** The numeric fields, in the order the scene file and the UI list them. */
export const MID_SIDE_NUMBER_FIELDS = [
  'widthPercent',
  'midGainDb',
  'sideGainDb',
  'bassMonoCutoffHz',
  'midLowShelfHz',
  'midLowShelfGainDb',
  'midHighShelfHz',
  'midHighShelfGainDb',
  'sideLowShelfHz',
  'sideLowShelfGainDb',
  'sideHighShelfHz',
  'sideHighShelfGainDb',
] as const;
export type MidSideNumberField = (typeof MID_SIDE_NUMBER_FIELDS)[number];

/** A change of some fields (an edit, a reset). */
export type MidSideSettingsPatch = Partial<Omit<MidSideSettings, 'extraFields'>>;

export const DEFAULT_MID_SIDE_SETTINGS: MidSideSettings = {
  widthPercent: 100,
  midGainDb: 0,
  sideGainDb: 0,
  bassMono: false,
  bassMonoCutoffHz: 120,
  midLowShelfHz: 120,
  midLowShelfGainDb: 0,
  midHighShelfHz: 8000,
  midHighShelfGainDb: 0,
  sideLowShelfHz: 120,
  sideLowShelfGainDb: 0,
  sideHighShelfHz: 8000,
  sideHighShelfGainDb: 0,
};

// The ranges of the mid/side parameters, for the scene, the UI and the processor alike.
export const MAX_WIDTH_PERCENT = 200;
/** Mid and side gains at or below this mute. */
export const MIN_GAIN_DB = -120;
export const MAX_GAIN_DB = 24;
/** Shelf gains are within +/- this. */
export const MAX_SHELF_GAIN_DB = 24;
/** Lowest bass-mono cutoff and shelf frequency. */
export const MIN_FILTER_HZ = 20;
export const MAX_BASS_MONO_HZ = 1000;
/** Shelves above 0.45 x the session rate are moved down to it by the processor. */
const MAX_SHELF_HZ = 20000;

const GAIN = { min: MIN_GAIN_DB, max: MAX_GAIN_DB } as const;
const SHELF_GAIN = { min: -MAX_SHELF_GAIN_DB, max: MAX_SHELF_GAIN_DB } as const;
const SHELF_HZ = { min: MIN_FILTER_HZ, max: MAX_SHELF_HZ } as const;

/** Limits the loader enforces and the UI's controls keep to (the processor clamps to the same ranges). */
export const MID_SIDE_LIMITS: Readonly<Record<MidSideNumberField, { readonly min: number; readonly max: number }>> = {
  widthPercent: { min: 0, max: MAX_WIDTH_PERCENT },
  midGainDb: GAIN,
  sideGainDb: GAIN,
  bassMonoCutoffHz: { min: MIN_FILTER_HZ, max: MAX_BASS_MONO_HZ },
  midLowShelfHz: SHELF_HZ,
  midLowShelfGainDb: SHELF_GAIN,
  midHighShelfHz: SHELF_HZ,
  midHighShelfGainDb: SHELF_GAIN,
  sideLowShelfHz: SHELF_HZ,
  sideLowShelfGainDb: SHELF_GAIN,
  sideHighShelfHz: SHELF_HZ,
  sideHighShelfGainDb: SHELF_GAIN,
};

/**
 * True when the settings leave the sound untouched: width 100 %, both gains 0 dB, bass
 * mono off and every shelf at 0 dB (a shelf's frequency does not matter then).
 */
export function isNeutral(settings: MidSideSettings): boolean {
  return (
    settings.widthPercent === 100 &&
    settings.midGainDb === 0 &&
    settings.sideGainDb === 0 &&
    !settings.bassMono &&
    settings.midLowShelfGainDb === 0 &&
    settings.midHighShelfGainDb === 0 &&
    settings.sideLowShelfGainDb === 0 &&
    settings.sideHighShelfGainDb === 0
  );
}

/** True when every field is at its default and there are no unknown fields (nothing to write). */
export function isDefaultMidSide(settings: MidSideSettings): boolean {
  return (
    settings.bassMono === DEFAULT_MID_SIDE_SETTINGS.bassMono &&
    MID_SIDE_NUMBER_FIELDS.every((field) => settings[field] === DEFAULT_MID_SIDE_SETTINGS[field]) &&
    settings.extraFields === undefined
  );
}

/** The settings in effect: absent settings are the defaults. */
export function midSideOrDefault(settings: MidSideSettings | undefined): MidSideSettings {
  return settings ?? DEFAULT_MID_SIDE_SETTINGS;
}
