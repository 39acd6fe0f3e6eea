import { LAYOUT_NAMES } from '../core/layouts';
import type { LayoutName } from '../core/layouts';
import { LOUDNESS_TARGETS } from '../dsp/loudness/loudnessTargets';
import type { LoudnessTargetId } from '../dsp/loudness/loudnessTargets';
import { MONO_LAWS } from '../render/monoFoldDown';
import type { MonoLaw } from '../render/monoFoldDown';
import type { AnalysedFormat } from '../render/analysis/monoAnalysisTypes';

/** A release gate: the command exits 1 when one fails. */
export type AnalyzeGate =
  /** Overall mono loss worse than -maxLossDb (more than maxLossDb lost). */
  | { readonly kind: 'mono-loss'; readonly maxLossDb: number }
  /** Integrated loudness outside the target's tolerance, or true peak above its ceiling. */
  | { readonly kind: 'loudness' };

export interface AnalyzeArgs {
  /** A scene (.json) or an audio file (WAV, FLAC, MP3). */
  readonly inputPath: string;
  readonly target: LoudnessTargetId;
  /** Overrides the WAV channel mask. */
  readonly layout?: LayoutName;
  /** The scene format the culprit analysis attributes on (and the loudness gate checks). */
  readonly format: AnalysedFormat;
  readonly hrtfPath?: string;
  readonly monoLaw: MonoLaw;
  readonly jsonPath?: string;
  readonly htmlPath?: string;
  readonly gates: readonly AnalyzeGate[];
}

/** Bad command line or a file named on it that cannot be used: exit status 2, with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const TARGET_IDS = LOUDNESS_TARGETS.map((t) => t.id);
const ANALYSED_FORMATS: readonly AnalysedFormat[] = ['stereo', 'binaural'];

export const ANALYZE_USAGE = `usage: npm run analyze -- <mix.wav | scene.json> [options]

Measures a mix (stereo or multichannel WAV, FLAC, MP3) or renders a scene and measures
it: BS.1770 loudness against a target, correlation, mono loss overall and per band, and
the findings (polarity, Haas delays, wide sources) with the sources that cause them.

options:
  --target <id>        loudness target: ${TARGET_IDS.join(', ')} (default: streaming)
  --layout <name>      channel layout of a multichannel file, overriding its channel mask:
                       ${LAYOUT_NAMES.join(', ')}
  --format <format>    scene format the culprit analysis and the loudness gate use:
                       stereo or binaural (default: stereo)
  --hrtf <file>        HRTF set for binaural: a SOFA or .hrtf file (default: the shipped set)
  --mono-law <law>     mono fold-down law: -3dB or -6dB (default: -3dB)
  --json <file>        also write the report as JSON
  --html <file>        also write a self-contained HTML report with plots
  --fail-on <gate>     exit 1 when a gate fails; may be repeated:
                         mono-loss>3dB  the overall mono loss is worse than -3 dB (any threshold)
                         loudness       integrated loudness outside the target's tolerance,
                                        or true peak above its ceiling
  --help               show this text

exit status: 0 passed, 1 a gate failed or an input file is bad, 2 bad options or missing file`;

/** Parses the command line after the script name; throws a UsageError naming the flag and what was expected. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | 'help' {
  let inputPath: string | undefined;
  let target: LoudnessTargetId = 'streaming';
  let layout: LayoutName | undefined;
  let format: AnalysedFormat = 'stereo';
  let hrtfPath: string | undefined;
  let monoLaw: MonoLaw = '-3dB';
  let jsonPath: string | undefined;
  let htmlPath: string | undefined;
  const gates: AnalyzeGate[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value (see --help)`);
      return next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--target':
        target = oneOf('--target', value(), TARGET_IDS);
        break;
      case '--layout':
        layout = oneOf('--layout', value(), LAYOUT_NAMES);
        break;
      case '--format':
        format = oneOf('--format', value(), ANALYSED_FORMATS);
        break;
      case '--hrtf':
        hrtfPath = value();
        break;
      case '--mono-law': {
        const law = value();
        monoLaw = oneOf('--mono-law', law.endsWith('dB') ? law : `${law}dB`, MONO_LAWS, law);
        break;
      }
      case '--json':
        jsonPath = value();
        break;
      case '--html':
        htmlPath = value();
        break;
      case '--fail-on':
        gates.push(parseGate(value()));
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (see --help)`);
        if (inputPath !== undefined) throw new UsageError(`expected one mix or scene file, got "${inputPath}" and "${arg}"`);
        inputPath = arg;
    }
  }
  if (inputPath === undefined) throw new UsageError('expected a mix or scene file, e.g. npm run analyze -- mix.wav');
  return {
    inputPath,
    target,
    format,
    monoLaw,
    gates,
    ...(layout === undefined ? {} : { layout }),
    ...(hrtfPath === undefined ? {} : { hrtfPath }),
    ...(jsonPath === undefined ? {} : { jsonPath }),
    ...(htmlPath === undefined ? {} : { htmlPath }),
  };
}

/** `mono-loss>3dB` (also `mono-loss>3`, `mono-loss>-3dB`: the loss is a magnitude) or `loudness`. */
export function parseGate(text: string): AnalyzeGate {
  if (text === 'loudness') return { kind: 'loudness' };
  const match = /^mono-loss>(-?\d+(?:\.\d+)?)(?:\s*dB)?$/i.exec(text.trim());
  if (match === null) {
    throw new UsageError(`--fail-on: expected mono-loss>NdB (e.g. mono-loss>3dB) or loudness, got "${text}"`);
  }
  return { kind: 'mono-loss', maxLossDb: Math.abs(Number(match[1])) };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[], shown = value): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got "${shown}"`);
  }
  return value as T;
}
