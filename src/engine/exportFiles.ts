import { clipsIn, samplePeakDbfs } from '../io/samplePeak';
import { encodeWav } from '../io/wav';
import type { WavSampleFormat } from '../io/wav';
import type { MonitorFormat, RenderedMix } from './audioEngine';

/** The formats an export writes, in the order files are listed. */
export const EXPORT_FORMATS: readonly MonitorFormat[] = ['binaural', 'stereo', 'mono'];

export interface ExportFileOptions {
  /** Files are named `<sceneName>.<format>.wav`. */
  readonly sceneName: string;
  /** Which formats to write (any order; duplicates ignored). */
  readonly formats: readonly MonitorFormat[];
  /** 16-bit is written with TPDF dither; 24-bit and float without. */
  readonly sampleFormat: WavSampleFormat;
}

export interface ExportFile {
  readonly format: MonitorFormat;
  readonly fileName: string;
  /** The WAV file. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly channelCount: number;
  /** Sample peak over all channels, dBFS (full scale 1.0); -Infinity for silence. */
  readonly peakDbfs: number;
  /** True when the peak does not fit the integer format (see clipsIn). */
  readonly clips: boolean;
}

/** Builds the WAV files of an export from a finished offline render. Pure: no DOM, no I/O. */
export function buildExportFiles(mix: RenderedMix, options: ExportFileOptions): ExportFile[] {
  return EXPORT_FORMATS.filter((format) => options.formats.includes(format)).map((format) => {
    const channels = channelsOf(mix, format);
    const peakDbfs = samplePeakDbfs(channels);
    const bytes = encodeWav(
      { sampleRateHz: mix.sampleRateHz, channels },
      { sampleFormat: options.sampleFormat, dither: options.sampleFormat === 'pcm16' ? 'tpdf' : 'none' },
    );
    return {
      format,
      fileName: `${options.sceneName}.${format}.wav`,
      // encodeWav allocates a plain (never shared) ArrayBuffer, which is what a Blob takes.
      bytes: bytes as Uint8Array<ArrayBuffer>,
      channelCount: channels.length,
      peakDbfs,
      clips: clipsIn(peakDbfs, options.sampleFormat),
    };
  });
}

function channelsOf(mix: RenderedMix, format: MonitorFormat): Float32Array[] {
  return format === 'mono' ? [mix.mono] : [...mix[format]];
}
