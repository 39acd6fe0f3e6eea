import type { LayoutName } from '../../../core/layouts';

/**
 * ITU-R BS.2127 section 8's mapping rules for DirectSpeakers channels: where a channel of
 * a BS.2051 input layout goes in an output layout that lacks its loudspeaker. For each
 * label, alternatives in order of preference; the first whose loudspeakers the output
 * layout all has (and whose input and output layout conditions hold) gives the gains.
 *
 * Written here as `target power` pairs: "M+030 2/3, M+110 1/3" sends the channel to
 * M+030 with gain sqrt(2/3) and to M+110 with sqrt(1/3); a target without a power takes
 * gain 1. Only labels on the left (+) and the centre line are listed; a right-hand
 * label's rules are its mirror's with + and - swapped (labels ending in 000 or 180 are
 * their own mirror). Cross-checked channel by channel against the EBU ADM Renderer's
 * gains (tests/fixtures/ear/direct-speakers-gains.json).
 */
type RuleText = string | { readonly to: string; readonly from?: readonly LayoutName[]; readonly into?: readonly LayoutName[] };

const TWENTY_TWO = ['9+10+3'] as const;
const TWO_LFE = ['9+10+3', '3+7+0'] as const;

const LEFT_AND_CENTRE_RULES: Readonly<Record<string, readonly RuleText[]>> = {
  'M+000': ['M+000', 'M+030 1/2, M-030 1/2'],
  'M+060': ['M+060', 'M+030 2/3, M+110 1/3', 'M+030 1/2, M+090 1/2', 'M+030'],
  'M+090': ['M+090', { to: 'M+030 1/3, M+110 2/3', from: TWENTY_TWO }, 'M+030 1/2, M+110 1/2', 'M+030 1/2'],
  'M+110': ['M+110', 'M+135', 'M+030 1/2'],
  'M+135': ['M+135', 'M+110', 'M+030 1/2'],
  'M+180': ['M+180', 'M+135 1/2, M-135 1/2', 'M+110 1/2, M-110 1/2', 'M+030 1/4, M-030 1/4'],
  'U+000': ['U+000', 'U+030 1/2, U-030 1/2', 'U+045 1/2, U-045 1/2', 'M+000', 'M+030 1/2, M-030 1/2'],
  'U+030': ['U+030', 'U+045', 'M+030'],
  'U+045': ['U+045', 'U+030', 'M+030'],
  'U+090': [
    'U+090',
    { to: 'U+045 2/3, UH+180 1/3', from: TWENTY_TWO },
    'U+030 1/2, U+110 1/2',
    'U+045 1/2, U+135 1/2',
    'M+090',
    'U+030 1/2, M+110 1/2',
    'M+030 1/2, M+110 1/2',
    'M+030 1/2',
  ],
  'U+110': ['U+110', 'U+135', 'U+045 1/2, UH+180 1/2', 'M+110', 'M+135', 'M+030 1/2'],
  'U+135': ['U+135', 'U+110', { to: 'U+045 1/3, UH+180 2/3', from: TWENTY_TWO }, 'U+045 1/2, UH+180 1/2', 'M+135', 'M+110', 'M+030 1/2'],
  'U+180': [
    'U+180',
    'UH+180',
    'U+135 1/2, U-135 1/2',
    'U+110 1/2, U-110 1/2',
    'M+135 1/2, M-135 1/2',
    'M+110 1/2, M-110 1/2',
    'M+030 1/4, M-030 1/4',
  ],
  'UH+180': [
    'UH+180',
    'U+180',
    'U+135 1/2, U-135 1/2',
    'U+110 1/2, U-110 1/2',
    'M+135 1/2, M-135 1/2',
    'M+110 1/2, M-110 1/2',
    'M+030 1/4, M-030 1/4',
  ],
  'T+000': [
    'T+000',
    'U+045 1/4, U-045 1/4, U+135 1/4, U-135 1/4',
    'U+030 1/4, U-030 1/4, U+110 1/4, U-110 1/4',
    'U+045 1/3, U-045 1/3, UH+180 1/3',
    'U+045 1/4, U-045 1/4, M+135 1/4, M-135 1/4',
    'U+030 1/4, U-030 1/4, M+110 1/4, M-110 1/4',
    'M+030 1/4, M-030 1/4, M+135 1/4, M-135 1/4',
    'M+030 1/4, M-030 1/4, M+110 1/4, M-110 1/4',
    'M+030 1/4, M-030 1/4',
  ],
  'B+000': ['B+000', 'M+000', 'M+030 1/2, M-030 1/2'],
  'B+045': ['B+045', 'M+030'],
  LFE1: [{ to: 'LFE1', from: TWO_LFE, into: TWO_LFE }, { to: 'LFE1 1/2', from: TWO_LFE }, 'LFE1'],
  LFE2: [{ to: 'LFE2', from: TWO_LFE, into: TWO_LFE }, { to: 'LFE1 1/2', from: TWO_LFE }],
};

/** One alternative: gains to loudspeakers by label, with the layouts it is limited to. */
export interface MappingRule {
  readonly gains: readonly (readonly [label: string, gain: number])[];
  readonly fromLayouts?: readonly LayoutName[];
  readonly intoLayouts?: readonly LayoutName[];
}

/** The mirror of a label: + and - swapped, except on the centre line (000, 180) and for LFE. */
export function mirrorLabel(label: string): string {
  if (label.endsWith('000') || label.endsWith('180')) return label;
  return label.includes('+') ? label.replace('+', '-') : label.replace('-', '+');
}

function parseRule(text: RuleText): MappingRule {
  const { to, from, into } = typeof text === 'string' ? { to: text, from: undefined, into: undefined } : text;
  const gains = to.split(',').map((part) => {
    const [label, power] = part.trim().split(' ') as [string, string | undefined];
    const [numerator, denominator] = (power ?? '1/1').split('/').map(Number) as [number, number];
    return [label, Math.sqrt(numerator / denominator)] as const;
  });
  return { gains, ...(from === undefined ? {} : { fromLayouts: from }), ...(into === undefined ? {} : { intoLayouts: into }) };
}

function mirrorRule(rule: MappingRule): MappingRule {
  return { ...rule, gains: rule.gains.map(([label, gain]) => [mirrorLabel(label), gain] as const) };
}

/** The rules of every label, right-hand labels included. */
export const MAPPING_RULES: ReadonlyMap<string, readonly MappingRule[]> = new Map(
  Object.entries(LEFT_AND_CENTRE_RULES).flatMap(([label, texts]) => {
    const rules = texts.map(parseRule);
    const mirror = mirrorLabel(label);
    return mirror === label ? [[label, rules] as const] : [[label, rules] as const, [mirror, rules.map(mirrorRule)] as const];
  }),
);
