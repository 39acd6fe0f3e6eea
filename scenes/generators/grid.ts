import { SECONDS_PER_STEP, STEPS_PER_BAR } from './song';
import type { Bar } from './song';

/**
 * Patterns written as step grids, one character per sixteenth note, as on a drum
 * machine, so that a bar of music reads at a glance:
 * '.' is silence, '-' holds the previous note, any other character starts a note and
 * names it (a velocity digit for drums, a chord tone for the bass, ...).
 */
export interface GridNote {
  readonly step: number;
  readonly lengthSteps: number;
  readonly symbol: string;
}

/** Parses one bar of grid. Throws on a grid that is not one bar long: that is a typo. */
export function parseGrid(grid: string): GridNote[] {
  if (grid.length !== STEPS_PER_BAR) throw new Error(`grid '${grid}' is not ${STEPS_PER_BAR} steps`);
  const notes: { step: number; lengthSteps: number; symbol: string }[] = [];
  let holding = false;
  for (let step = 0; step < grid.length; step++) {
    const symbol = grid.charAt(step);
    const last = notes[notes.length - 1];
    if (symbol === '-' && holding && last) {
      last.lengthSteps += 1;
    } else if (symbol === '.' || symbol === '-') {
      holding = false;
    } else {
      notes.push({ step, lengthSteps: 1, symbol });
      holding = true;
    }
  }
  return notes;
}

/** Start time of a step of a bar. */
export function stepTimeSec(bar: Bar, step: number): number {
  return bar.startSec + step * SECONDS_PER_STEP;
}
