/**
 * The Atmos music delivery check: the rules that streaming and label specifications set for
 * an ADM BWF master, as a QC report with a verdict per rule. This module judges facts that
 * others measured (the file's format, the renders' loudness, the LFE's band limit, the
 * object tracks' levels, the render modes); it measures nothing itself.
 *
 * Sources, cited per rule:
 * - DOLBY: Dolby, "Dolby Atmos Music Delivery Specification" (Dolby Atmos learning,
 *   module 9.3): ADM BWF to the Dolby Atmos Master ADM profile, 48 kHz, 24-bit PCM, at most
 *   128 PCM channels and 118 objects, the binaural render mode set for every bed channel
 *   and object.
 * - UMG: Universal Music Group, "Dolby Atmos audio servicing asset specifications" and
 *   "best practices": integrated loudness at most -18.0 LKFS, true peak at most -1.0 dBTP,
 *   loudness not below -31.0 LKFS measured on the 5.1 downmix, LFE low-passed at 100-150 Hz
 *   with 18-24 dB per octave, empty object channels and binaural render modes all left at
 *   Mid flagged for approval, binaural metadata not "all off".
 *
 * A rule passes, fails, or is flagged: the specifications flag some conditions for a
 * person's approval instead of refusing them; a flag is not a failure, but the report says
 * what to look at.
 */

export type DeliveryVerdict = 'pass' | 'fail' | 'flag';

/** A binaural render mode as Dolby's tools set it per bed channel and object (`mid` by default). */
export type DeliveryRenderMode = 'off' | 'near' | 'mid' | 'far';

/** The loudness of one render measured for the check (BS.1770-4, LFE excluded). */
export interface RenderLoudness {
  /** What was rendered, e.g. "7.1.4" or "5.1 downmix". */
  readonly render: string;
  readonly integratedLkfs: number;
  readonly truePeakDbtp: number;
}

/** What was measured of a master: a file as read, or a scene as it would export. */
export interface DeliveryFacts {
  readonly sampleRateHz: number;
  /** PCM bits per sample; undefined for a scene (its export chooses). */
  readonly bitsPerSample: number | undefined;
  /** PCM channels in the file (or that the export would write). */
  readonly channelCount: number;
  readonly objectCount: number;
  /** Problems found against the Dolby Atmos Master ADM profile (empty: none found); undefined when not checked. */
  readonly admProfileProblems: readonly string[] | undefined;
  /** The full render's loudness (the layout the master is monitored on). */
  readonly fullRender: RenderLoudness;
  /** The 5.1 downmix's loudness, as the master's downmix settings make it. */
  readonly downmix51: RenderLoudness;
  /**
   * The LFE's band limit (dsp/analysis/lfeBandLimit.ts): its margin, dB, and the margin
   * required; undefined when the master has no LFE or its LFE is silent.
   */
  readonly lfe: { readonly marginDb: number; readonly requiredMarginDb: number; readonly loudestStopBandHz: number } | undefined;
  /** Names of the object tracks that hold no signal. */
  readonly emptyObjects: readonly string[];
  /** The render mode of every bed channel and object. */
  readonly renderModes: readonly DeliveryRenderMode[];
}

export interface DeliveryRuleResult {
  readonly id: string;
  /** What the rule asks, in the words of a QC sheet. */
  readonly requirement: string;
  /** What was found, with its figure. */
  readonly found: string;
  readonly verdict: DeliveryVerdict;
  /** Where the rule comes from (DOLBY or UMG, as above). */
  readonly source: 'DOLBY' | 'UMG';
}

export const ATMOS_MUSIC_LIMITS = {
  sampleRateHz: 48000,
  bitsPerSample: 24,
  maxChannels: 128,
  maxObjects: 118,
  maxIntegratedLkfs: -18,
  maxTruePeakDbtp: -1,
  minDownmixLkfs: -31,
} as const;

/** The verdict on every rule, in the order of a QC sheet: format, loudness, content, metadata. */
export function checkAtmosMusicDelivery(facts: DeliveryFacts): DeliveryRuleResult[] {
  const L = ATMOS_MUSIC_LIMITS;
  const rules: DeliveryRuleResult[] = [];
  const rule = (id: string, requirement: string, found: string, verdict: DeliveryVerdict, source: 'DOLBY' | 'UMG'): void => {
    rules.push({ id, requirement, found, verdict, source });
  };
  rule('adm-profile', 'ADM BWF conforming to the Dolby Atmos Master ADM profile', profileFound(facts.admProfileProblems), profileVerdict(facts.admProfileProblems), 'DOLBY');
  rule('sample-rate', `${L.sampleRateHz / 1000} kHz`, `${facts.sampleRateHz / 1000} kHz`, facts.sampleRateHz === L.sampleRateHz ? 'pass' : 'fail', 'DOLBY');
  rule(
    'bit-depth',
    `${L.bitsPerSample}-bit PCM`,
    facts.bitsPerSample === undefined ? `${L.bitsPerSample}-bit on export` : `${facts.bitsPerSample}-bit`,
    facts.bitsPerSample === undefined || facts.bitsPerSample === L.bitsPerSample ? 'pass' : 'fail',
    'DOLBY',
  );
  rule('channels', `at most ${L.maxChannels} PCM channels`, `${facts.channelCount}`, facts.channelCount <= L.maxChannels ? 'pass' : 'fail', 'DOLBY');
  rule('objects', `at most ${L.maxObjects} objects`, `${facts.objectCount}`, facts.objectCount <= L.maxObjects ? 'pass' : 'fail', 'DOLBY');
  for (const render of [facts.fullRender, facts.downmix51]) {
    rule(
      `loudness ${render.render}`,
      `integrated loudness at most ${L.maxIntegratedLkfs.toFixed(1)} LKFS (${render.render})`,
      `${lkfs(render.integratedLkfs)} LKFS`,
      render.integratedLkfs <= L.maxIntegratedLkfs ? 'pass' : 'fail',
      'UMG',
    );
    rule(
      `true-peak ${render.render}`,
      `true peak at most ${L.maxTruePeakDbtp.toFixed(1)} dBTP (${render.render})`,
      `${lkfs(render.truePeakDbtp)} dBTP`,
      render.truePeakDbtp <= L.maxTruePeakDbtp ? 'pass' : 'fail',
      'UMG',
    );
  }
  rule(
    'downmix-loudness-floor',
    `5.1 downmix not below ${L.minDownmixLkfs.toFixed(1)} LKFS`,
    `${lkfs(facts.downmix51.integratedLkfs)} LKFS`,
    facts.downmix51.integratedLkfs >= L.minDownmixLkfs ? 'pass' : 'flag',
    'UMG',
  );
  const lfe = facts.lfe;
  rule(
    'lfe-band-limit',
    'LFE low-passed at 100-150 Hz, 18-24 dB per octave',
    lfe === undefined
      ? 'no LFE signal'
      : `LFE ${lfe.marginDb.toFixed(1)} dB below its pass band at ${lfe.loudestStopBandHz} Hz (needs ${lfe.requiredMarginDb} dB)`,
    lfe === undefined || lfe.marginDb >= lfe.requiredMarginDb ? 'pass' : 'fail',
    'UMG',
  );
  rule(
    'no-empty-objects',
    'no empty object channels',
    facts.emptyObjects.length === 0 ? 'none empty' : `empty: ${listed(facts.emptyObjects)}`,
    facts.emptyObjects.length === 0 ? 'pass' : 'flag',
    'UMG',
  );
  const modes = facts.renderModes;
  const allOff = modes.length > 0 && modes.every((m) => m === 'off');
  const allMid = modes.length > 0 && modes.every((m) => m === 'mid');
  rule(
    'binaural-render-modes',
    'binaural render modes set, not all Off and not all left at Mid',
    modeSummary(modes),
    allOff ? 'fail' : allMid ? 'flag' : 'pass',
    'UMG',
  );
  return rules;
}

function profileFound(problems: readonly string[] | undefined): string {
  if (problems === undefined) return 'written by this studio to the profile';
  return problems.length === 0 ? 'no problem found' : listed(problems);
}

function profileVerdict(problems: readonly string[] | undefined): DeliveryVerdict {
  return problems === undefined || problems.length === 0 ? 'pass' : 'fail';
}

function lkfs(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : value > 0 ? '+inf' : '-inf';
}

/** The first five, then how many more. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

function modeSummary(modes: readonly DeliveryRenderMode[]): string {
  if (modes.length === 0) return 'no bed channel or object';
  const counts = new Map<DeliveryRenderMode, number>();
  for (const mode of modes) counts.set(mode, (counts.get(mode) ?? 0) + 1);
  return (['off', 'near', 'mid', 'far'] as const)
    .filter((mode) => counts.has(mode))
    .map((mode) => `${counts.get(mode)} ${mode}`)
    .join(', ');
}
