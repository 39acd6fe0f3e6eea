/**
 * The demo song, in one place so that every part agrees on it: tempo, key, chords and
 * arrangement. Each stem reads its bars from `BARS` and decides what to play from the
 * section and the chord of the bar.
 *
 * 120 BPM in 4/4, A minor, 16 bars = 32 s:
 *
 * | bars  | section | chords      | parts                                           |
 * |-------|---------|-------------|-------------------------------------------------|
 * | 1-2   | intro   | Am F        | pad, ambience, arp                              |
 * | 3-4   | build   | C G         | + drums (hats, snare roll), bass (whole notes)  |
 * | 5-8   | verse   | Am F C G    | + lead (drums groove, bass syncopated)          |
 * | 9-12  | chorus  | F G Am E    | + distorted guitar (all parts)                  |
 * | 13-15 | outro   | F G E       | all parts, big drum fill into the last bar      |
 * | 16    | ending  | Am          | all parts hit beat 1 and ring out               |
 *
 * The intro and verse walk i-VI-III-VII; the chorus and outro end on E major, the
 * harmonic-minor dominant, so the melody's G sharp pulls back home to A.
 */

/** Every part of the arrangement; each is one stem of the demo. */
export type SongPart = 'drums' | 'bass' | 'lead' | 'distortedGuitar' | 'pad' | 'ambience' | 'arp';

export const TEMPO_BPM = 120;
export const BEATS_PER_BAR = 4;
/** Patterns are written on a grid of sixteenth notes. */
export const STEPS_PER_BAR = 16;
export const SECONDS_PER_BEAT = 60 / TEMPO_BPM;
export const SECONDS_PER_BAR = SECONDS_PER_BEAT * BEATS_PER_BAR;
export const SECONDS_PER_STEP = SECONDS_PER_BAR / STEPS_PER_BAR;

/** A triad: its root pitch class (C = 0) and its tones as semitones above the root. */
export interface Chord {
  readonly symbol: string;
  readonly rootPitchClass: number;
  readonly intervals: readonly number[];
}

const MINOR_TRIAD = [0, 3, 7] as const;
const MAJOR_TRIAD = [0, 4, 7] as const;

const Am: Chord = { symbol: 'Am', rootPitchClass: 9, intervals: MINOR_TRIAD };
const C: Chord = { symbol: 'C', rootPitchClass: 0, intervals: MAJOR_TRIAD };
const E: Chord = { symbol: 'E', rootPitchClass: 4, intervals: MAJOR_TRIAD };
const F: Chord = { symbol: 'F', rootPitchClass: 5, intervals: MAJOR_TRIAD };
const G: Chord = { symbol: 'G', rootPitchClass: 7, intervals: MAJOR_TRIAD };

/** Pitch classes (C = 0) of the chord's tones, root first. */
export function chordPitchClasses(chord: Chord): number[] {
  return chord.intervals.map((interval) => (chord.rootPitchClass + interval) % 12);
}

export type SectionName = 'intro' | 'build' | 'verse' | 'chorus' | 'outro' | 'ending';

/** A run of bars with one chord per bar and the parts that play in it. */
export interface Section {
  readonly name: SectionName;
  readonly chords: readonly Chord[];
  readonly parts: readonly SongPart[];
}

/** Every part, in track-sheet order: rhythm section, lead, layers, bed, arpeggio. */
export const SONG_PARTS: readonly SongPart[] = ['drums', 'bass', 'lead', 'distortedGuitar', 'pad', 'ambience', 'arp'];

const SECTIONS: readonly Section[] = [
  { name: 'intro', chords: [Am, F], parts: ['pad', 'ambience', 'arp'] },
  { name: 'build', chords: [C, G], parts: ['pad', 'ambience', 'arp', 'drums', 'bass'] },
  { name: 'verse', chords: [Am, F, C, G], parts: ['pad', 'ambience', 'arp', 'drums', 'bass', 'lead'] },
  { name: 'chorus', chords: [F, G, Am, E], parts: SONG_PARTS },
  { name: 'outro', chords: [F, G, E], parts: SONG_PARTS },
  { name: 'ending', chords: [Am], parts: SONG_PARTS },
];

/** One bar of the song, with everything a part needs to play it. */
export interface Bar {
  /** 0-based bar number in the song. */
  readonly index: number;
  readonly section: Section;
  /** 0-based bar number inside its section. */
  readonly indexInSection: number;
  readonly chord: Chord;
  readonly startSec: number;
}

function layOutBars(sections: readonly Section[]): Bar[] {
  const bars: Bar[] = [];
  for (const section of sections) {
    section.chords.forEach((chord, indexInSection) => {
      const index = bars.length;
      bars.push({ index, section, indexInSection, chord, startSec: index * SECONDS_PER_BAR });
    });
  }
  return bars;
}

export const BARS: readonly Bar[] = layOutBars(SECTIONS);
export const BAR_COUNT = BARS.length;
export const SONG_LENGTH_SEC = BAR_COUNT * SECONDS_PER_BAR;

/** True when the arrangement has `part` playing in bar `barIndex` (0-based). */
export function partPlaysInBar(part: SongPart, barIndex: number): boolean {
  return BARS[barIndex]?.section.parts.includes(part) ?? false;
}

/** The bars in which `part` plays, in order. */
export function barsOfPart(part: SongPart): Bar[] {
  return BARS.filter((bar) => bar.section.parts.includes(part));
}
