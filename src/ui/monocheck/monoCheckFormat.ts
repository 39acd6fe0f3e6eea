/**
 * Display rules of the mono check panel and the stage markers (pure). The findings' words
 * and figures are core/monoAnalysis/phrasing's, shared with the command line's reports.
 */

/**
 * How bad a finding is, by its severity (the mono loss heard: the source's own where the
 * mix does not mask it, or the mix's): from 6 dB, half the source's amplitude gone in a
 * band or overall, an obvious change in mono; below it a colouration worth a listen.
 */
export type FindingSeverity = 'severe' | 'moderate';

const SEVERE_FINDING_DB = 6;

export function findingSeverity(severityDb: number): FindingSeverity {
  return severityDb >= SEVERE_FINDING_DB ? 'severe' : 'moderate';
}

/** Marker and badge colours: red for severe, amber for moderate. */
export const SEVERITY_COLORS: Readonly<Record<FindingSeverity, string>> = {
  severe: '#ff3b3b',
  moderate: '#ffb020',
};

/** Time ranges listed per finding in the panel, then "+N more". */
export const SHOWN_TIME_RANGES = 3;
