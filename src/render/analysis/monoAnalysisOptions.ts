import type { MonoLaw } from '../../core/monoLaw';

/** Options of the analyses of this folder (a mix file's, a scene's). */
export interface MonoAnalysisOptions {
  readonly monoLaw?: MonoLaw;
  /** Length of a timeline window, seconds; default 0.5. */
  readonly windowSec?: number;
  /** Called now and then with the fraction done (0..1). */
  readonly onProgress?: (fraction: number) => void;
}

/** Default timeline window, seconds. */
const DEFAULT_ANALYSIS_WINDOW_SEC = 0.5;

/** The timeline window asked for, or the default; refuses what is not a positive duration. */
export function checkedWindowSec(windowSec: number | undefined): number {
  if (windowSec === undefined) return DEFAULT_ANALYSIS_WINDOW_SEC;
  if (!(Number.isFinite(windowSec) && windowSec >= 0.01 && windowSec <= 3600)) {
    throw new Error(`mono analysis: windowSec must be a number of seconds from 0.01 to 3600, got ${String(windowSec)}`);
  }
  return windowSec;
}
