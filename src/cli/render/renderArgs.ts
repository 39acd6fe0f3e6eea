import { DOWNMIX_LEVELS_DB } from '../../core/outputs/downmixOutputs';
import type { StereoDownmixLevels } from '../../core/outputs/downmixOutputs';
import { outputById, outputIdHelp } from '../../core/outputs/outputCatalog';
import { SHIPPED_HRTF_SET, STUDIO_OUTPUT_IDS, isStudioOutputId } from '../../core/outputs/studioOutputs';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { PcmSampleFormat } from '../../core/pcm';
import { UsageError, defaultDownmixLevelArgs, readDownmixLevelFlag, parseMonoLaw, readCommandLine } from '../commandLine';
import { ADM_FORMAT_ID } from '../../adm/admMasterFile';

export interface RenderArgs {
  readonly scenePath: string;
  /** The outputs to render, by id (core/outputs/outputCatalog.ts), each once: the studio's first, in their order, then the others as given. */
  readonly formats: readonly string[];
  readonly outDir: string;
  readonly sampleFormat: PcmSampleFormat;
  readonly hrtfPath?: string;
  readonly monoLaw: MonoLaw;
  /** Centre and surround levels of the Lo/Ro and Lt/Rt downmixes. */
  readonly loRo: StereoDownmixLevels;
  readonly ltRt: StereoDownmixLevels;
  /** Overwrite output files that exist already (--force); never an input. */
  readonly force?: true;
  /** Exit 0 when the render is silent (--allow-silent), with a warning; else exit status 3. */
  readonly allowSilent?: true;
}

export const RENDER_USAGE = `usage: npm run render -- <scene.json> [options]

Renders a scene to WAV files, one per output.

options:
  --format <list>    outputs to render, comma-separated (default: ${STUDIO_OUTPUT_IDS.join(',')}):
                     ${outputIdHelp()};
                     adm: the scene as an ADM BWF master (Dolby Atmos Master ADM profile shape, 48 kHz 24-bit)
  --out <folder>     where to write the files (default: renders)
  --bits <16|24|32f> sample format: 16-bit (TPDF-dithered), 24-bit or 32-bit float PCM (default: 24)
  --hrtf <file>      HRTF set for binaural: an AES69 SOFA file (SimpleFreeFieldHRIR) or a .hrtf
                     file (default: the shipped MIT KEMAR set)
  --mono-law <law>   mono fold-down law: -3dB or -6dB (default: -3dB)
  --loro-centre <dB>, --loro-surround <dB>, --ltrt-centre <dB>, --ltrt-surround <dB>
                     centre and surround levels of the Lo/Ro and Lt/Rt downmixes:
                     ${DOWNMIX_LEVELS_DB.join(', ')} (default: -3)
  --force            overwrite output files that exist already (never the scene, its stems or the HRTF file)
  --allow-silent     accept a render that comes out silent (exit 0 with a warning, not 3)
  --help             show this text

exit status: 0 rendered; 1 a bad input file; 2 bad options, or an output that would
overwrite an input or an existing file; 3 the render is silent (files written); 4 blocks
with non-finite samples were silenced (files written)`;

const BITS: Readonly<Record<string, PcmSampleFormat>> = { '16': 'pcm16', '24': 'pcm24', '32f': 'float32' };

/** Parses the command line after the script name; throws a UsageError with a one-line message on bad input. */
export function parseRenderArgs(argv: readonly string[]): RenderArgs | 'help' {
  let formats: readonly string[] = STUDIO_OUTPUT_IDS;
  const levels = defaultDownmixLevelArgs();
  let outDir = 'renders';
  let sampleFormat: PcmSampleFormat = 'pcm24';
  let hrtfPath: string | undefined;
  let monoLaw: MonoLaw = DEFAULT_MONO_LAW;
  let force = false;
  let allowSilent = false;
  const input = { noun: 'scene file', example: 'npm run render -- scenes/demo.json' };
  const line = readCommandLine(argv, input, (flag, value) => {
    if (readDownmixLevelFlag(levels, flag, value)) return true;
    switch (flag) {
      case '--format':
        formats = parseFormats(value());
        return true;
      case '--out':
        outDir = value();
        return true;
      case '--bits': {
        const bits = value();
        const format = BITS[bits];
        if (format === undefined) throw new UsageError(`--bits: expected 16, 24 or 32f, got "${bits}"`);
        sampleFormat = format;
        return true;
      }
      case '--hrtf':
        hrtfPath = value();
        return true;
      case '--mono-law':
        monoLaw = parseMonoLaw(value());
        return true;
      case '--force':
        force = true;
        return true;
      case '--allow-silent':
        allowSilent = true;
        return true;
      default:
        return false;
    }
  });
  if (line === 'help') return 'help';
  const { loRo, ltRt } = levels;
  for (const id of formats) {
    if (id === ADM_FORMAT_ID) continue;
    try {
      outputById(id, { monoLaw, hrtfSet: SHIPPED_HRTF_SET, loRo, ltRt });
    } catch (error) {
      throw new UsageError(`--format: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { scenePath: line.inputPath, formats, outDir, sampleFormat, monoLaw, loRo, ltRt, ...(hrtfPath === undefined ? {} : { hrtfPath }), ...(force ? { force: true as const } : {}), ...(allowSilent ? { allowSilent: true as const } : {}) };
}

function parseFormats(list: string): string[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`--format: expected some of ${outputIdHelp()}, got "${list}"`);
  const studio = STUDIO_OUTPUT_IDS.filter((id) => names.includes(id));
  return [...studio, ...new Set(names.filter((name) => !isStudioOutputId(name)))];
}
