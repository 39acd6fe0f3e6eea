import { fadeOutEnd, normalizePeak, removeDc } from './dsp/level';
import { generateAmbience } from './stems/ambience';
import { generateArp } from './stems/arp';
import { generateBass } from './stems/bass';
import { generateDistortedGuitar } from './stems/distortedGuitar';
import { generateDrums } from './stems/drums';
import { generateLead } from './stems/lead';
import { generatePad } from './stems/pad';
import { SONG_LENGTH_SEC, SONG_PARTS } from './song';
import type { SongPart } from './song';

/**
 * The built-in demo: a 32 s piece in A minor at 120 BPM (song.ts), synthesised stem by
 * stem from code, with no audio files. Every stem is deterministic (seeded PRNG), has no
 * DC (20 Hz high-pass), fades out over its last 0.3 s, and is normalised to a peak that
 * sets the rough mix below.
 */
export type DemoStemName = SongPart;

export { HAAS_DELAY_SEC, haasDelaySamples } from './stems/distortedGuitar';
export { SIDE_TO_MID_ENERGY_RATIO } from './stems/pad';

export const DEMO_LENGTH_SEC: number = SONG_LENGTH_SEC;

interface StemRecipe {
  readonly generate: (sampleRateHz: number) => Float32Array[];
  /** Peak after normalisation: the stem's place in the rough mix. */
  readonly peakDbfs: number;
}

/**
 * The rough mix, by peak level. Drums and bass lead (their peaks are transients and low
 * notes, so they need the most headroom to sound solid), lead and guitar sit under them,
 * pad and ambience stay in the background.
 */
const STEMS: Readonly<Record<DemoStemName, StemRecipe>> = {
  drums: { generate: generateDrums, peakDbfs: -3 },
  bass: { generate: generateBass, peakDbfs: -8 },
  lead: { generate: generateLead, peakDbfs: -7 },
  distortedGuitar: { generate: generateDistortedGuitar, peakDbfs: -8 },
  pad: { generate: generatePad, peakDbfs: -11 },
  ambience: { generate: generateAmbience, peakDbfs: -11.5 },
  arp: { generate: generateArp, peakDbfs: -11 },
};

export const DEMO_STEM_NAMES: readonly DemoStemName[] = SONG_PARTS;

export function isDemoStemName(name: string): name is DemoStemName {
  return (DEMO_STEM_NAMES as readonly string[]).includes(name);
}

const END_FADE_SEC = 0.3;

/** Planar channels (1 or 2), identical output for identical arguments (deterministic, seeded). */
export function generateDemoStem(name: DemoStemName, sampleRateHz: number): Float32Array[] {
  const recipe = STEMS[name];
  const channels = recipe.generate(sampleRateHz);
  for (const channel of channels) removeDc(channel, sampleRateHz);
  fadeOutEnd(channels, END_FADE_SEC, sampleRateHz);
  normalizePeak(channels, recipe.peakDbfs);
  return channels;
}
