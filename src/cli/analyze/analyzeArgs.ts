import { LAYOUT_NAMES } from '../../core/layouts';
import type { LayoutName } from '../../core/layouts';
import { LOUDNESS_TARGETS } from '../../core/loudnessTargets';
import type { LoudnessTargetId } from '../../core/loudnessTargets';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { DEFAULT_DOWNMIX_LEVELS } from '../../core/outputs/downmixOutputs';
import type { StereoDownmixLevels } from '../../core/outputs/downmixOutputs';
import { outputById, outputIdHelp } from '../../core/outputs/outputCatalog';
import { SHIPPED_HRTF_SET } from '../../core/outputs/studioOutputs';
import { UsageError, defaultDownmixLevelArgs, readDownmixLevelFlag, oneOf, parseMonoLaw, readCommandLine } from '../commandLine';


/** A release gate: the command exits 1 when one fails. */
export type AnalyzeGate =
  /** More than maxLossDb (positive) lost in mono overall: the mono sum vs stereo below -maxLossDb. */
  | { readonly kind: 'mono-loss'; readonly maxLossDb: number }
  /** Integrated loudness outside the target's tolerance, or true peak above its ceiling. */
  | { readonly kind: 'loudness' }
  /** A rule of the delivery check (--delivery) failed (a flag is not a failure). */
  | { readonly kind: 'delivery' };

/** The delivery specifications `--delivery` checks against (core/delivery). */
export const DELIVERY_SPECS = ['atmos-music'] as const;
export type DeliverySpec = (typeof DELIVERY_SPECS)[number];

export interface AnalyzeArgs {
  /** A scene (.json) or an audio file (WAV, FLAC, MP3). */
  readonly inputPath: string;
  readonly target: LoudnessTargetId;
  /** Overrides the WAV channel mask. */
  readonly layout?: LayoutName;
  /** The scene format the culprit analysis attributes on: the first of `formats` that is stereo or binaural, else stereo. */
  readonly format: AnalysedFormat;
  /**
   * Scenes: the outputs (core/outputs/outputCatalog.ts ids, as `render --format` takes
   * them) whose loudness and mono check the report gives, rendered with the scene's beds,
   * and which the loudness gate checks. Default: the culprit format alone.
   */
  readonly formats: readonly string[];
  /** Centre and surround levels of the Lo/Ro and Lt/Rt downmixes among `formats`, as render takes them. */
  readonly loRo: StereoDownmixLevels;
  readonly ltRt: StereoDownmixLevels;
  /** Run the delivery check of this specification instead of the mix analysis. */
  readonly delivery?: DeliverySpec;
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
the findings (polarity, Haas delays, wide sources) with the sources that cause them. With
--delivery, checks an ADM BWF master (or a scene as its export) against delivery rules.

options:
  --target <id>        loudness target: ${TARGET_IDS.join(', ')} (default: streaming)
  --layout <name>      channel layout of a multichannel file, overriding its channel mask:
                       ${LAYOUT_NAMES.join(', ')}
  --format <list>      scenes: outputs to render (with the scene's beds) and measure, comma-
                       separated, as render takes them: binaural, stereo, mono, a layout
                       (5.1, 7.1.4, 4+7+0, ...), binaural-<layout>, <layout>-to-5.1|loro|ltrt|mono;
                       the loudness gate checks each; the culprit analysis runs on the first
                       of stereo or binaural listed (default: stereo)
  --loro-centre <dB>, --loro-surround <dB>, --ltrt-centre <dB>, --ltrt-surround <dB>
                       levels of the Lo/Ro and Lt/Rt downmixes, as for render (default: -3)
  --delivery <spec>    check a master against a delivery specification instead: atmos-music
                       (an ADM BWF file, or a scene as its ADM export would be)
  --hrtf <file>        HRTF set for binaural: a SOFA or .hrtf file (default: the shipped set)
  --mono-law <law>     mono fold-down law: -3dB or -6dB (default: -3dB)
  --json <file>        also write the report as JSON
  --html <file>        also write a self-contained HTML report with plots
  --force              overwrite report files that exist already (never an input file)
  --fail-on <gate>     exit 1 when a gate fails; may be repeated:
                         mono-loss>3dB  more than 3 dB lost in mono overall (any threshold)
                         loudness       integrated loudness outside the target's tolerance,
                                        or true peak above its ceiling
                         delivery       a rule of the --delivery check failed (flags pass)
  --help               show this text

exit status: 0 passed, 1 a gate failed or an input file is bad, 2 bad options or missing file`;

/** Parses the command line after the script name; throws a UsageError naming the flag and what was expected. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | 'help' {
  let target: LoudnessTargetId = 'streaming';
  let layout: LayoutName | undefined;
  let formats: readonly string[] | undefined;
  let delivery: DeliverySpec | undefined;
  const levels = defaultDownmixLevelArgs();
  let hrtfPath: string | undefined;
  let monoLaw: MonoLaw = DEFAULT_MONO_LAW;
  let jsonPath: string | undefined;
  let htmlPath: string | undefined;
  let force = false;
  const gates: AnalyzeGate[] = [];
  const input = { noun: 'mix or scene file', example: 'npm run analyze -- mix.wav' };
  const line = readCommandLine(argv, input, (flag, value) => {
    if (readDownmixLevelFlag(levels, flag, value)) return true;
    switch (flag) {
      case '--target':
        target = oneOf(flag, value(), TARGET_IDS);
        return true;
      case '--layout':
        layout = oneOf(flag, value(), LAYOUT_NAMES);
        return true;
      case '--format':
        formats = parseFormats(value());
        return true;
      case '--delivery':
        delivery = oneOf(flag, value(), DELIVERY_SPECS);
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
  if (delivery !== undefined) checkDeliveryOptions(formats, gates);
  else if (gates.some((gate) => gate.kind === 'delivery')) throw new UsageError('--fail-on delivery: needs --delivery <spec> (e.g. --delivery atmos-music)');
  const format = formats?.find((id): id is AnalysedFormat => (ANALYSED_FORMATS as readonly string[]).includes(id)) ?? 'stereo';
  return {
    inputPath: line.inputPath,
    target,
    format,
    formats: formats ?? [format],
    loRo: levels.loRo,
    ltRt: levels.ltRt,
    monoLaw,
    ...(delivery === undefined ? {} : { delivery }),
    gates,
    ...(layout === undefined ? {} : { layout }),
    ...(hrtfPath === undefined ? {} : { hrtfPath }),
    ...(jsonPath === undefined ? {} : { jsonPath }),
    ...(htmlPath === undefined ? {} : { htmlPath }),
    ...(force ? { force: true as const } : {}),
  };
}

/** `mono-loss>3dB` (also `mono-loss>3`, `mono-loss>-3dB`: the loss is a magnitude), `loudness` or `delivery`. */
export function parseGate(text: string): AnalyzeGate {
  if (text === 'loudness') return { kind: 'loudness' };
  if (text === 'delivery') return { kind: 'delivery' };
  const match = /^mono-loss>(-?\d+(?:\.\d+)?)(?:\s*dB)?$/i.exec(text.trim());
  if (match === null) {
    throw new UsageError(`--fail-on: expected mono-loss>NdB (e.g. mono-loss>3dB), loudness or delivery, got "${text}"`);
  }
  return { kind: 'mono-loss', maxLossDb: Math.abs(Number(match[1])) };
}

/** The output ids of a `--format` list, each once (a layout by either name), each one the render knows (a UsageError naming the first it does not). */
function parseFormats(list: string): string[] {
  const names = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (names.length === 0) throw new UsageError(`--format: expected some of ${outputIdHelp()}, got "${list}"`);
  const settings = { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET, loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
  const ids = names.map((name) => {
    try {
      // One id per output: 4+7+0 is 7.1.4.
      return outputById(name, settings).id;
    } catch (error) {
      throw new UsageError(`--format: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return [...new Set(ids)];
}

/** The delivery check measures its own renders (7.1.4 and its 5.1 downmix) and no stereo analysis. */
function checkDeliveryOptions(formats: readonly string[] | undefined, gates: readonly AnalyzeGate[]): void {
  if (formats !== undefined) throw new UsageError('--format: not with --delivery (the delivery check measures the 7.1.4 render and its 5.1 downmix)');
  if (gates.some((gate) => gate.kind === 'mono-loss')) throw new UsageError('--fail-on mono-loss: not with --delivery (the delivery check makes no stereo analysis; use --fail-on delivery or loudness)');
}
