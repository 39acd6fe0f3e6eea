/** Equal-tempered pitch: MIDI note numbers (A4 = 69 = 440 Hz) and note names. */

const A4_MIDI = 69;
const A4_HZ = 440;

/** Frequency of a (possibly fractional) MIDI note number: 440 * 2^((n - 69) / 12). */
export function midiToHz(midi: number): number {
  return A4_HZ * 2 ** ((midi - A4_MIDI) / 12);
}

/** Frequency ratio of a detune in cents (1/100 semitone). */
export function centsToRatio(cents: number): number {
  return 2 ** (cents / 1200);
}

const NATURAL_PITCH_CLASSES: Readonly<Record<string, number>> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/**
 * MIDI note number of a scientific pitch name such as 'A4', 'G#4' or 'Bb3' (C4 = 60).
 * Throws on a malformed name: names are literals in the source, so this is a bug.
 */
export function noteNumber(name: string): number {
  const match = /^([A-G])([#b]?)(-?\d)$/.exec(name);
  const pitchClass = match ? NATURAL_PITCH_CLASSES[match[1] ?? ''] : undefined;
  if (!match || pitchClass === undefined) throw new Error(`not a note name: '${name}'`);
  const accidental = match[2] === '#' ? 1 : match[2] === 'b' ? -1 : 0;
  return (Number(match[3]) + 1) * 12 + pitchClass + accidental;
}

/** The lowest MIDI note of pitch class `pitchClass` (C = 0) at or above `lowestMidi`. */
export function noteAtOrAbove(pitchClass: number, lowestMidi: number): number {
  return lowestMidi + ((((pitchClass - lowestMidi) % 12) + 12) % 12);
}
