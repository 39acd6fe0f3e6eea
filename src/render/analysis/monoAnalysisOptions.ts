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
