import { createRandom } from '../dsp/random';
import type { Random } from '../dsp/random';
import { parseGrid, stepTimeSec } from '../grid';
import { BARS, SONG_LENGTH_SEC } from '../song';
import type { Bar, SectionName } from '../song';
import { addDrumHit } from './drumVoices';
import type { DrumHit, DrumVoice } from './drumVoices';

/**
 * Drums (mono): a rock/pop kit following the arrangement. Hats and a snare roll in the
 * build, a syncopated groove in the verse, sixteenth hats and a busier kick in the
 * chorus, a crash at each section start, a fill in the fourth bar of every phrase, and a
 * final crash. Velocities (+-8 %) and timing (+-2 ms) are humanised with the seeded PRNG.
 */

/** One bar of the kit: a grid per voice, velocity digits 1..9 (9 = full). */
type DrumBar = Partial<Record<DrumVoice, string>>;

const BUILD_HATS: DrumBar = {
  kick: '7...............',
  closedHat: '5.3.5.3.5.3.5.3.',
};
const BUILD_ROLL: DrumBar = {
  kick: '7.......7.......',
  closedHat: '5.3.5.3.5.3.....',
  snare: '........3.4.5679',
};
const VERSE_A: DrumBar = {
  kick: '9.....7.9.......',
  snare: '....9.......9...',
  closedHat: '7.4.7.4.7.4.7.4.',
};
const VERSE_B: DrumBar = {
  kick: '9.....7.9.6.....',
  snare: '....9.......9..2',
  closedHat: '7.4.7.4.7.4.7...',
  openHat: '..............6.',
};
const VERSE_FILL: DrumBar = {
  kick: '9.....7.9.......',
  snare: '....9...........',
  closedHat: '7.4.7.4.7.4.....',
  tomHigh: '............87..',
  tomMid: '..............7.',
  tomLow: '...............8',
};
const CHORUS_A: DrumBar = {
  kick: '9..6..7.9..6....',
  snare: '....9.......9...',
  closedHat: '7353735373537353',
};
const CHORUS_B: DrumBar = {
  kick: '9.....7.9.7...6.',
  snare: '....9.......9..3',
  closedHat: '73537353735373..',
  openHat: '..............6.',
};
const CHORUS_FILL: DrumBar = {
  kick: '9.....7.9.......',
  snare: '....9...6789....',
  closedHat: '73537353........',
  tomHigh: '............89..',
  tomMid: '..............8.',
  tomLow: '...............9',
};
const BIG_FILL: DrumBar = {
  kick: '9.....7.9.....9.',
  snare: '....9...78......',
  closedHat: '73537353........',
  tomHigh: '..........89....',
  tomMid: '............89..',
  tomLow: '..............99',
};
const FINAL_HIT: DrumBar = { kick: '9...............', crash: '9...............' };

function withCrash(bar: DrumBar): DrumBar {
  return { ...bar, crash: '8...............' };
}

/** The bars of each section in order; the drums rest where a section has none. */
const SECTION_PATTERNS: Readonly<Record<SectionName, readonly DrumBar[]>> = {
  intro: [],
  build: [BUILD_HATS, BUILD_ROLL],
  verse: [withCrash(VERSE_A), VERSE_B, VERSE_A, VERSE_FILL],
  chorus: [withCrash(CHORUS_A), CHORUS_B, CHORUS_A, CHORUS_FILL],
  outro: [withCrash(CHORUS_A), CHORUS_B, BIG_FILL],
  ending: [FINAL_HIT],
};

const VELOCITY_JITTER = 0.08;
const TIMING_JITTER_SEC = 0.002;
/** A hat rings at most until the next hat: one hand, one pair of cymbals. */
const HAT_VOICES: ReadonlySet<DrumVoice> = new Set(['closedHat', 'openHat']);
const UNCHOKED_LENGTH_SEC = 10;
const SEED = 0x0d7a5;

function hitsOfBar(bar: Bar, pattern: DrumBar, random: Random): DrumHit[] {
  const hits: DrumHit[] = [];
  for (const [voice, grid] of Object.entries(pattern) as [DrumVoice, string][]) {
    for (const note of parseGrid(grid)) {
      const velocity = (Number(note.symbol) / 9) * (1 + VELOCITY_JITTER * random.bipolar());
      // The downbeat kick stays on the grid: the groove leans on it.
      const jitterSec = voice === 'kick' && note.step === 0 ? 0 : TIMING_JITTER_SEC * random.bipolar();
      const timeSec = Math.max(0, stepTimeSec(bar, note.step) + jitterSec);
      hits.push({ voice, timeSec, velocity: Math.min(1, velocity), maxLengthSec: UNCHOKED_LENGTH_SEC });
    }
  }
  return hits;
}

/** Shortens each hat so that it stops when the next hat starts. */
function chokeHats(hits: DrumHit[]): DrumHit[] {
  const hats = hits.filter((hit) => HAT_VOICES.has(hit.voice)).sort((a, b) => a.timeSec - b.timeSec);
  const choked = new Map<DrumHit, DrumHit>();
  hats.forEach((hat, index) => {
    const next = hats[index + 1];
    if (next) choked.set(hat, { ...hat, maxLengthSec: next.timeSec - hat.timeSec });
  });
  return hits.map((hit) => choked.get(hit) ?? hit);
}

export function generateDrums(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const out = new Float32Array(Math.round(SONG_LENGTH_SEC * sampleRateHz));
  const hits = BARS.flatMap((bar) => {
    const pattern = SECTION_PATTERNS[bar.section.name][bar.indexInSection];
    return pattern ? hitsOfBar(bar, pattern, random) : [];
  });
  for (const hit of chokeHats(hits)) addDrumHit(out, hit, sampleRateHz, random);
  return [out];
}
