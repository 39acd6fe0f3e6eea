import { noteNumber } from '../pitch';
import { SECONDS_PER_BAR, SECONDS_PER_BEAT } from '../song';

/**
 * The lead melody over the changes (bar numbers 0-based, as in song.ts). Two-bar
 * phrases that breathe: each starts after a rest or ends on one. The verse states a
 * motif (a rising fourth into the chord's third or fifth) and repeats it a third higher;
 * the chorus climbs to F5; the outro answers with a dominant line (D over E is its 7th)
 * and lands on A4.
 *
 * Each note also carries the vowel it is sung on, from a fixed scat lyric.
 */
export type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';

export interface MelodyNote {
  readonly startSec: number;
  readonly lengthSec: number;
  readonly midi: number;
  readonly vowel: Vowel;
}

/** [bar, beat, length in beats, note name]. */
type NoteSpec = readonly [number, number, number, string];

const NOTES: readonly NoteSpec[] = [
  // verse: Am F C G
  [4, 0.5, 0.5, 'E4'], [4, 1, 1, 'A4'], [4, 2, 0.5, 'B4'], [4, 2.5, 1.5, 'C5'],
  [5, 0, 0.5, 'D5'], [5, 0.5, 0.5, 'C5'], [5, 1, 2, 'A4'],
  [6, 0.5, 0.5, 'G4'], [6, 1, 1, 'C5'], [6, 2, 0.5, 'D5'], [6, 2.5, 1.5, 'E5'],
  [7, 0, 1, 'D5'], [7, 1, 1, 'B4'], [7, 2, 1.5, 'G4'],
  // chorus: F G Am E
  [8, 0, 1, 'C5'], [8, 1, 1.5, 'F5'], [8, 2.5, 0.5, 'E5'], [8, 3, 1, 'C5'],
  [9, 0, 1.5, 'D5'], [9, 1.5, 0.5, 'B4'], [9, 2, 1, 'G4'], [9, 3, 1, 'B4'],
  [10, 0, 1, 'C5'], [10, 1, 2, 'E5'], [10, 3, 0.5, 'D5'], [10, 3.5, 0.5, 'C5'],
  [11, 0, 1.5, 'B4'], [11, 1.5, 0.5, 'G#4'], [11, 2, 1.5, 'B4'],
  // outro: F G E, ending: Am
  [12, 0, 0.5, 'A4'], [12, 0.5, 0.5, 'C5'], [12, 1, 1.5, 'F5'], [12, 2.5, 0.5, 'E5'], [12, 3, 1, 'C5'],
  [13, 0, 1, 'D5'], [13, 1, 1, 'B4'], [13, 2, 0.5, 'D5'], [13, 2.5, 1.5, 'F5'],
  [14, 0, 1.5, 'E5'], [14, 1.5, 0.5, 'D5'], [14, 2, 1, 'B4'], [14, 3, 1, 'G#4'],
  [15, 0, 3, 'A4'],
];

/** "Oo-ah, eh-ah, oh ...": open vowels on long notes carry best. */
const LYRIC: readonly Vowel[] = ['o', 'a', 'e', 'a', 'o', 'a', 'u', 'a', 'e', 'o', 'a'];

export const MELODY: readonly MelodyNote[] = NOTES.map(([bar, beat, lengthBeats, name], index) => ({
  startSec: bar * SECONDS_PER_BAR + beat * SECONDS_PER_BEAT,
  lengthSec: lengthBeats * SECONDS_PER_BEAT,
  midi: noteNumber(name),
  vowel: LYRIC[index % LYRIC.length] ?? 'a',
}));
