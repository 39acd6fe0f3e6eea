import { MONO_LAWS } from '../core/monoLaw';
import { DEFAULT_DOWNMIX_LEVELS, DOWNMIX_LEVELS_DB, isDownmixLevel } from '../core/outputs/downmixOutputs';
import type { MonoLaw } from '../core/monoLaw';

/** Bad command line or a file named on it that cannot be used: exit status 2, with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** How a command's errors name its one positional argument. */
export interface CommandInput {
  /** What it is, after "a": "scene file", "mix or scene file". */
  readonly noun: string;
  /** A whole command line that gives one, for the error when it is missing. */
  readonly example: string;
}

/**
 * A command's own options: handles `flag` (calling `value()` for the argument after it,
 * which must not start with --) and returns true, or returns false for a flag it does not know.
 */
export type OptionReader = (flag: string, value: () => string) => boolean;

/**
 * Reads a command line after the script name, as every command of the studio does:
 * --help or -h gives 'help'; options go to `readOption`; exactly one other argument, the
 * input. Throws a UsageError naming the flag or argument and what was expected.
 */
export function readCommandLine(argv: readonly string[], input: CommandInput, readOption: OptionReader): { readonly inputPath: string } | 'help' {
  const line = readCommandLineOptionalInput(argv, input.noun, readOption);
  if (line === 'help') return 'help';
  if (line.inputPath === undefined) throw new UsageError(`expected a ${input.noun}, e.g. ${input.example}`);
  return { inputPath: line.inputPath };
}

/**
 * readCommandLine for a command whose input has a default: at most one other argument,
 * inputPath undefined when there is none. `noun` names the input in errors ("SOFA file").
 */
export function readCommandLineOptionalInput(argv: readonly string[], noun: string, readOption: OptionReader): { readonly inputPath: string | undefined } | 'help' {
  let inputPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value (see --help)`);
      return next;
    };
    if (arg.startsWith('-')) {
      if (!readOption(arg, value)) throw new UsageError(`unknown option ${arg} (see --help)`);
      continue;
    }
    if (inputPath !== undefined) throw new UsageError(`expected one ${noun}, got "${inputPath}" and "${arg}"`);
    inputPath = arg;
  }
  return { inputPath };
}

/** `value` when it is one of `allowed`; else a UsageError listing them (quoting `shown`, what the user typed). */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[], shown = value): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got "${shown}"`);
  }
  return value as T;
}

/** --mono-law: -3dB or -6dB, the unit optional (-3, -6). */
export function parseMonoLaw(text: string): MonoLaw {
  return oneOf('--mono-law', text.endsWith('dB') ? text : `${text}dB`, MONO_LAWS, text);
}

/** The Lo/Ro and Lt/Rt downmixes' centre and surround levels in dB, as the command line sets them. */
export interface DownmixLevelArgs {
  readonly loRo: { centreDb: number; surroundDb: number };
  readonly ltRt: { centreDb: number; surroundDb: number };
}

export function defaultDownmixLevelArgs(): DownmixLevelArgs {
  return { loRo: { ...DEFAULT_DOWNMIX_LEVELS }, ltRt: { ...DEFAULT_DOWNMIX_LEVELS } };
}

/** Which downmix and level each of the four level flags render and analyze share sets. */
const DOWNMIX_LEVEL_FLAGS: Readonly<Record<string, readonly ['loRo' | 'ltRt', 'centreDb' | 'surroundDb']>> = {
  '--loro-centre': ['loRo', 'centreDb'],
  '--loro-surround': ['loRo', 'surroundDb'],
  '--ltrt-centre': ['ltRt', 'centreDb'],
  '--ltrt-surround': ['ltRt', 'surroundDb'],
};

/** Reads `flag` into `levels` when it is one of the four level flags (--loro-centre ...); false for any other flag. */
export function readDownmixLevelFlag(levels: DownmixLevelArgs, flag: string, value: () => string): boolean {
  const target = DOWNMIX_LEVEL_FLAGS[flag];
  if (target === undefined) return false;
  levels[target[0]][target[1]] = parseDownmixLevel(flag, value());
  return true;
}

/** A Lo/Ro or Lt/Rt centre or surround level in dB (--loro-centre ...): one of DOWNMIX_LEVELS_DB, the unit optional. */
export function parseDownmixLevel(flag: string, text: string): number {
  const level = Number(text.replace(/dB$/i, ''));
  if (text.trim() === '' || !isDownmixLevel(level)) throw new UsageError(`${flag}: expected one of ${DOWNMIX_LEVELS_DB.join(', ')} (dB), got "${text}"`);
  return level;
}
