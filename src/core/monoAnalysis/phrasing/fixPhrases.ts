import { frequency } from '../../formatUnits';
import type { FixGains, MonoFinding, SuggestedFix } from '../findingTypes';
import { findingSubject } from './findingHeadline';
import { dbChange, msAmount } from './findingNumbers';

/** A fix as one sentence a mix engineer can act on: "Narrow Pad to 60 % width (mid/side width)." */
export function fixSentence(fix: SuggestedFix, finding: MonoFinding): string {
  const name = findingSubject(finding);
  switch (fix.kind) {
    case 'narrow':
      return `Narrow ${name} to ${fix.widthPercent} % width (mid/side width).`;
    case 'collapse-lows':
      return `Make ${name} mono below ${frequency(fix.belowHz)} (bass mono).`;
    case 'move':
      return fix.towards === 'front'
        ? `Move ${name} (towards the front) or reduce its spread.`
        : `Move ${fix.sourceName} towards the front or back, where the ears hear it alike.`;
    case 'flip-polarity':
      return `Flip the polarity of the ${fix.channel === undefined ? 'right' : fix.channel} channel of ${name}.`;
    case 'remove-delay':
      return `Remove the ${msAmount(finding.delayMs ?? 0)} delay between the channels of ${name} and widen it with the mid/side width instead.`;
  }
}

/**
 * What a fix was measured to bring back: to the source's own loss where its headline names
 * it, then to the whole mix: "own +8.4 dB at 125 Hz; mix +0.01 dB"; "" when neither was measured.
 */
export function fixGains(fix: FixGains, finding: Pick<MonoFinding, 'headline' | 'sourceName'>): string {
  const parts: string[] = [];
  if (fix.ownImprovementDb !== undefined) {
    const band = finding.headline?.band;
    const who = finding.sourceName === undefined ? '' : 'own ';
    parts.push(`${who}${dbChange(fix.ownImprovementDb)}${band === undefined ? '' : ` at ${frequency(band.nominalHz)}`}`);
  }
  if (fix.improvementDb !== undefined) parts.push(`mix ${dbChange(fix.improvementDb)}`);
  return parts.join('; ');
}

/** The sentence with its gains in brackets: "Flip the polarity of the right channel of Pad. (mix +5.5 dB)". */
export function fixPhrase(fix: SuggestedFix, finding: MonoFinding): string {
  const gains = fixGains(fix, finding);
  return gains === '' ? fixSentence(fix, finding) : `${fixSentence(fix, finding)} (${gains})`;
}
