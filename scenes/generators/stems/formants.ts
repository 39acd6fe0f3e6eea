import type { Vowel } from './leadMelody';

/**
 * Formants of a sung alto voice: centre frequency, level and bandwidth of the first four
 * resonances of the vocal tract for each vowel. Values from the Csound manual's
 * "Formant Values" appendix (alto), with the bandwidths doubled: a sung, vibrato-laden
 * voice smears them, and the wider peaks keep the level even from note to note.
 */
export interface Formant {
  readonly frequencyHz: number;
  readonly gainDb: number;
  readonly bandwidthHz: number;
}

export const FORMANT_COUNT = 4;

function formants(frequenciesHz: readonly number[], gainsDb: readonly number[], bandwidthsHz: readonly number[]): Formant[] {
  return frequenciesHz.map((frequencyHz, i) => ({
    frequencyHz,
    gainDb: gainsDb[i] ?? 0,
    bandwidthHz: 2 * (bandwidthsHz[i] ?? 100),
  }));
}

export const ALTO_FORMANTS: Readonly<Record<Vowel, readonly Formant[]>> = {
  a: formants([800, 1150, 2800, 3500], [0, -4, -20, -36], [80, 90, 120, 130]),
  e: formants([400, 1600, 2700, 3300], [0, -24, -30, -35], [60, 80, 120, 150]),
  i: formants([350, 1700, 2700, 3700], [0, -20, -30, -36], [50, 100, 120, 150]),
  o: formants([450, 800, 2830, 3500], [0, -9, -16, -28], [70, 80, 100, 130]),
  u: formants([325, 700, 2530, 3500], [0, -12, -30, -40], [50, 60, 170, 180]),
};
