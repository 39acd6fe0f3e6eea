import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/cli/commandLine';
import { CONVERT_HRTF_USAGE, DEFAULT_HRTF_OUTPUT, DEFAULT_SOFA_INPUT, parseConvertHrtfArgs } from '../../../../src/cli/convertHrtf/convertHrtfArgs';

function parsed(argv: string[]) {
  const args = parseConvertHrtfArgs(argv);
  if (args === 'help') throw new Error('unexpected help');
  return args;
}

function usageErrorOf(argv: string[]): string {
  try {
    parseConvertHrtfArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseConvertHrtfArgs', () => {
  it('without arguments converts the shipped SOFA file into the shipped .hrtf file, with no options', () => {
    expect(parsed([])).toEqual({ inputPath: DEFAULT_SOFA_INPUT, outputPath: DEFAULT_HRTF_OUTPUT, options: {} });
    expect(DEFAULT_SOFA_INPUT.replaceAll('\\', '/')).toMatch(/\/hrtf\/sofa\/MIT_KEMAR_normal_pinna\.sofa$/);
    expect(DEFAULT_HRTF_OUTPUT.replaceAll('\\', '/')).toMatch(/\/hrtf\/mit-kemar-normal-pinna\.hrtf$/);
  });

  it.each([
    ['my/set.sofa', 'my/set.hrtf'],
    ['my/set.SOFA', 'my/set.hrtf'],
    ['my/set', 'my/set.hrtf'],
  ])('writes %s next to itself as %s unless --out says otherwise', (input, output) => {
    expect(parsed([input])).toEqual({ inputPath: input, outputPath: output, options: {} });
    expect(parsed([input, '--out', 'elsewhere.hrtf']).outputPath).toBe('elsewhere.hrtf');
  });

  it('reads --rate, --length and --out, before or after the input', () => {
    expect(parsed(['--rate', '48000', 'set.sofa', '--length', '256', '--out', 'x.hrtf'])).toEqual({
      inputPath: 'set.sofa',
      outputPath: 'x.hrtf',
      options: { sampleRateHz: 48000, hrirLength: 256 },
    });
  });

  it('reads --force, and leaves it out when not given', () => {
    expect(parsed(['set.sofa', '--force']).force).toBe(true);
    expect('force' in parsed(['set.sofa'])).toBe(false);
  });

  it('returns help for --help and -h, and the usage names every option', () => {
    expect(parseConvertHrtfArgs(['--help'])).toBe('help');
    expect(parseConvertHrtfArgs(['set.sofa', '-h'])).toBe('help');
    for (const flag of ['--rate', '--length', '--out', '--force', '--help']) expect(CONVERT_HRTF_USAGE).toContain(flag);
  });

  it.each([
    [['--rate'], '--rate needs a value (see --help)'],
    [['--out', '--rate', '48000'], '--out needs a value (see --help)'],
    [['--rate', 'abc'], '--rate: expected a positive whole number, got "abc"'],
    [['--rate', '0'], '--rate: expected a positive whole number, got "0"'],
    [['--rate', '44100.5'], '--rate: expected a positive whole number, got "44100.5"'],
    [['--length', '-3'], '--length: expected a positive whole number, got "-3"'],
    [['--length', 'Infinity'], '--length: expected a positive whole number, got "Infinity"'],
    [['--bogus'], 'unknown option --bogus (see --help)'],
    [['-x'], 'unknown option -x (see --help)'],
    [['a.sofa', 'b.sofa'], 'expected one SOFA file, got "a.sofa" and "b.sofa"'],
  ])('refuses %j with a usage error naming the flag and what was expected', (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });
});
