import { describe, expect, it } from 'vitest';
import { ANALYZE_USAGE, parseAnalyzeArgs, parseGate } from '../../../../src/cli/analyze/analyzeArgs';
import { UsageError } from '../../../../src/cli/commandLine';
import { outputIdHelp } from '../../../../src/core/outputs/outputCatalog';

function parsed(argv: string[]) {
  const args = parseAnalyzeArgs(argv);
  if (args === 'help') throw new Error('unexpected help');
  return args;
}

function usageErrorOf(argv: string[]): string {
  try {
    parseAnalyzeArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

const minus3 = { centreDb: -3, surroundDb: -3 };

describe('parseAnalyzeArgs', () => {
  it('defaults: streaming target, stereo format, -3 dB law, no layout, no reports, no gates', () => {
    expect(parsed(['mix.wav'])).toEqual({ inputPath: 'mix.wav', target: 'streaming', format: 'stereo', formats: ['stereo'], loRo: minus3, ltRt: minus3, monoLaw: '-3dB', gates: [] });
  });

  it('reads every option', () => {
    const args = parsed([
      'scenes/demo.json', '--target', 'ebu-r128', '--layout', '0+5+0', '--format', 'binaural', '--hrtf', 'my.sofa',
      '--mono-law', '-6', '--json', 'out/r.json', '--html', 'out/r.html', '--fail-on', 'mono-loss>3dB', '--fail-on', 'loudness',
    ]);
    expect(args).toEqual({
      inputPath: 'scenes/demo.json',
      target: 'ebu-r128',
      layout: '0+5+0',
      format: 'binaural',
      formats: ['binaural'],
      loRo: minus3,
      ltRt: minus3,
      hrtfPath: 'my.sofa',
      monoLaw: '-6dB',
      jsonPath: 'out/r.json',
      htmlPath: 'out/r.html',
      gates: [{ kind: 'mono-loss', maxLossDb: 3 }, { kind: 'loudness' }],
    });
  });

  it('returns help for --help and -h, and the usage names every option', () => {
    expect(parseAnalyzeArgs(['--help'])).toBe('help');
    expect(parseAnalyzeArgs(['mix.wav', '-h'])).toBe('help');
    for (const flag of ['--target', '--layout', '--format', '--delivery', '--hrtf', '--mono-law', '--json', '--html', '--fail-on']) expect(ANALYZE_USAGE).toContain(flag);
  });

  it('reads a --format list of outputs as render names them, each output once (4+7+0 is 7.1.4); the culprit analysis takes the first of stereo or binaural', () => {
    const args = parsed(['s.json', '--format', '4+7+0,binaural,7.1.4,7.1.4-to-5.1,stereo']);
    expect(args.formats).toEqual(['7.1.4', 'binaural', '7.1.4-to-5.1', 'stereo']);
    expect(args.format).toBe('binaural');
    expect(parsed(['s.json', '--format', 'binaural-7.1.4,mono']).format).toBe('stereo');
  });

  it('reads the Lo/Ro and Lt/Rt levels as render does', () => {
    expect(parsed(['s.json', '--format', '5.1-to-loro', '--loro-centre', '0', '--loro-surround', '-6dB', '--ltrt-centre', '1.5', '--ltrt-surround', '3'])).toMatchObject({
      loRo: { centreDb: 0, surroundDb: -6 },
      ltRt: { centreDb: 1.5, surroundDb: 3 },
    });
    expect(usageErrorOf(['s.json', '--loro-centre', '-2'])).toBe('--loro-centre: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 (dB), got "-2"');
  });

  it('reads --delivery atmos-music with the delivery gate', () => {
    expect(parsed(['m.wav', '--delivery', 'atmos-music', '--fail-on', 'delivery'])).toMatchObject({ delivery: 'atmos-music', gates: [{ kind: 'delivery' }] });
  });

  it.each([
    [['mix.wav', '--target', 'loud'], '--target: expected one of ebu-r128, streaming, apple-music, atmos-binaural, podcast, got "loud"'],
    [['mix.wav', '--layout', '5.1'], '--layout: expected one of 0+2+0, 0+5+0, 2+5+0, 4+5+0, 4+5+1, 3+7+0, 4+9+0, 9+10+3, 0+7+0, 4+7+0, 2+7+0, got "5.1"'],
    [['mix.wav', '--format', 'quad'], `--format: unknown output "quad": expected ${outputIdHelp()}`],
    [['s.json', '--delivery', 'atmos'], '--delivery: expected one of atmos-music, got "atmos"'],
    [['s.json', '--delivery', 'atmos-music', '--format', '7.1.4'], '--format: not with --delivery (the delivery check measures the 7.1.4 render and its 5.1 downmix)'],
    [['s.json', '--delivery', 'atmos-music', '--fail-on', 'mono-loss>3dB'], '--fail-on mono-loss: not with --delivery (the delivery check makes no stereo analysis; use --fail-on delivery or loudness)'],
    [['s.json', '--fail-on', 'delivery'], '--fail-on delivery: needs --delivery <spec> (e.g. --delivery atmos-music)'],
    [['mix.wav', '--mono-law', '-4'], '--mono-law: expected one of -3dB, -6dB, got "-4"'],
    [['mix.wav', '--fail-on', 'mono-loss<3dB'], '--fail-on: expected mono-loss>NdB (e.g. mono-loss>3dB), loudness or delivery, got "mono-loss<3dB"'],
    [['mix.wav', '--wide'], 'unknown option --wide (see --help)'],
    [['mix.wav', '--json'], '--json needs a value (see --help)'],
    [['mix.wav', '--json', '--html', 'x.html'], '--json needs a value (see --help)'],
    [['a.wav', 'b.wav'], 'expected one mix or scene file, got "a.wav" and "b.wav"'],
    [[], 'expected a mix or scene file, e.g. npm run analyze -- mix.wav'],
  ])('refuses %j with a usage error naming the flag and what was expected', (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });
});

describe('parseGate', () => {
  it.each([
    ['mono-loss>3dB', 3],
    ['mono-loss>3', 3],
    ['mono-loss>-3dB', 3],
    ['mono-loss>1.5dB', 1.5],
  ])('reads %s as a mono-loss gate of %d dB', (text, db) => {
    expect(parseGate(text)).toEqual({ kind: 'mono-loss', maxLossDb: db });
  });

  it('reads loudness', () => {
    expect(parseGate('loudness')).toEqual({ kind: 'loudness' });
  });
});
