import { OUTPUT_FORMATS } from '../render/renderBlock';
import type { OutputFormat } from '../render/renderBlock';
import { MONO_LAWS } from '../render/monoFoldDown';
import type { MonoLaw } from '../render/monoFoldDown';
import type { WavSampleFormat } from '../io/wav';

export interface RenderArgs {
  readonly scenePath: string;
  readonly formats: readonly OutputFormat[];
  readonly outDir: string;
  readonly sampleFormat: WavSampleFormat;
  readonly hrtfPath?: string;
  readonly monoLaw: MonoLaw;
}

export const RENDER_USAGE = `usage: npm run render -- <scene.json> [options]

Renders a scene to WAV files, one per output format.

options:
  --format <list>    formats to render, comma-separated: ${OUTPUT_FORMATS.join(', ')} (default: all)
  --out <folder>     where to write the files (default: renders)
  --bits <16|24|32f> sample format: 16-bit (TPDF-dithered), 24-bit or 32-bit float PCM (default: 24)
  --hrtf <file>      HRTF set for binaural: an AES69 SOFA file (SimpleFreeFieldHRIR) or a .hrtf
                     file (default: the shipped MIT KEMAR set)
  --mono-law <law>   mono fold-down law: -3dB or -6dB (default: -3dB)
  --help             show this text`;

const BITS: Readonly<Record<string, WavSampleFormat>> = { '16': 'pcm16', '24': 'pcm24', '32f': 'float32' };

/** Parses the command line after the script name; throws an Error with a one-line message on bad input. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs | 'help' {
  let scenePath: string | undefined;
  let formats: readonly OutputFormat[] = OUTPUT_FORMATS;
  let outDir = 'renders';
  let sampleFormat: WavSampleFormat = 'pcm24';
  let hrtfPath: string | undefined;
  let monoLaw: MonoLaw = '-3dB';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value (see --help)`);
      return next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return 'help';
      case '--format':
        formats = parseFormats(value());
        break;
      case '--out':
        outDir = value();
        break;
      case '--bits': {
        const bits = value();
        const format = BITS[bits];
        if (format === undefined) throw new Error(`--bits: expected 16, 24 or 32f, got "${bits}"`);
        sampleFormat = format;
        break;
      }
      case '--hrtf':
        hrtfPath = value();
        break;
      case '--mono-law': {
        const law = value();
        const normalised = law.endsWith('dB') ? law : `${law}dB`;
        if (!MONO_LAWS.includes(normalised as MonoLaw)) throw new Error(`--mono-law: expected -3dB or -6dB, got "${law}"`);
        monoLaw = normalised as MonoLaw;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (see --help)`);
        if (scenePath !== undefined) throw new Error(`expected one scene file, got "${scenePath}" and "${arg}"`);
        scenePath = arg;
    }
  }
  if (scenePath === undefined) throw new Error('expected a scene file, e.g. npm run render -- scenes/demo.json');
  return { scenePath, formats, outDir, sampleFormat, monoLaw, ...(hrtfPath === undefined ? {} : { hrtfPath }) };
}

function parseFormats(list: string): OutputFormat[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new Error(`--format: expected some of ${OUTPUT_FORMATS.join(', ')}, got "${list}"`);
  for (const name of names) {
    if (!OUTPUT_FORMATS.includes(name as OutputFormat)) {
      throw new Error(`--format: unknown format "${name}", expected some of ${OUTPUT_FORMATS.join(', ')}`);
    }
  }
  return OUTPUT_FORMATS.filter((f) => names.includes(f));
}
