import { LAYOUT_NAMES } from '../../core/layouts';
import type { LayoutName } from '../../core/layouts';
import { LOUDNESS_TARGETS } from '../../core/loudnessTargets';
import type { LoudnessTargetId } from '../../core/loudnessTargets';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { UsageError, oneOf, parseMonoLaw, readCommandLine } from '../commandLine';


/** A release gate: the command exits 1 when one fails. */
export type AnalyzeGate =
  /** More than maxLossDb (positive) lost in mono overall: the mono sum vs stereo below -maxLossDb. */
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
  /** Overwrite report files that exist already (--force); never an input. */
  readonly force?: true;
}

const TARGET_IDS = LOUDNESS_TARGETS.map((t) => t.id);
const ANALYSED_FORMATS: readonly AnalysedFormat[] = ['stereo', 'binaural'];

export const ANALYZE_USAGE = `usage: npm run analyze -- <mix.wav | scene.json> [options]

Measures a mix (stereo or multichannel WAV, FLAC, MP3) or renders a scene and measures
it: BS.1770 loudness against a target, correlation, mono sum vs stereo overall and per band, and
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
  --force              overwrite report files that exist already (never an input file)
  --fail-on <gate>     exit 1 when a gate fails; may be repeated:
                         mono-loss>3dB  more than 3 dB lost in mono overall (any threshold)
                         loudness       integrated loudness outside the target's tolerance,
                                        or true peak above its ceiling
  --help               show this text

exit status: 0 passed, 1 a gate failed or an input file is bad, 2 bad options or missing file`;

/** Parses the command line after the script name; throws a UsageError naming the flag and what was expected. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | 'help' {
  let target: LoudnessTargetId = 'streaming';
  let layout: LayoutName | undefined;
  let format: AnalysedFormat = 'stereo';
  let hrtfPath: string | undefined;
  let monoLaw: MonoLaw = DEFAULT_MONO_LAW;
  let jsonPath: string | undefined;
  let htmlPath: string | undefined;
  let force = false;
  const gates: AnalyzeGate[] = [];
  const input = { noun: 'mix or scene file', example: 'npm run analyze -- mix.wav' };
  const line = readCommandLine(argv, input, (flag, value) => {
    switch (flag) {
      case '--target':
        target = oneOf(flag, value(), TARGET_IDS);
        return true;
      case '--layout':
        layout = oneOf(flag, value(), LAYOUT_NAMES);
        return true;
      case '--format':
        format = oneOf(flag, value(), ANALYSED_FORMATS);
        return true;
      case '--hrtf':
        hrtfPath = value();
        return true;
      case '--mono-law':
        monoLaw = parseMonoLaw(value());
        return true;
      case '--json':
        jsonPath = value();
        return true;
      case '--html':
        htmlPath = value();
        return true;
      case '--fail-on':
        gates.push(parseGate(value()));
        return true;
      case '--force':
        force = true;
        return true;
      default:
        return false;
    }
  });
  if (line === 'help') return 'help';
  return {
    inputPath: line.inputPath,
    target,
    format,
    monoLaw,
    gates,
    ...(layout === undefined ? {} : { layout }),
    ...(hrtfPath === undefined ? {} : { hrtfPath }),
    ...(jsonPath === undefined ? {} : { jsonPath }),
    ...(htmlPath === undefined ? {} : { htmlPath }),
    ...(force ? { force: true as const } : {}),
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
