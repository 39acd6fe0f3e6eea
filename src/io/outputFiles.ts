import { channelsInFileOrder } from '../core/outputs/outputDefinition';
import type { OutputFile, RenderedMix } from '../core/outputs/renderedOutput';
import { clipsIn, samplePeakDbfs } from './samplePeak';
import { encodeWav } from './wavEncode';
import type { PcmSampleFormat } from '../core/pcm';

export interface OutputFileOptions {
  /** Files are named `<baseName>.<output id>.wav`. */
  readonly baseName: string;
  /** 16-bit is written with TPDF dither, so quiet passages do not turn into quantisation distortion; 24-bit and float without. */
  readonly sampleFormat: PcmSampleFormat;
}

/** The name of an output's file: `<baseName>.<output id>.wav`. */
export function outputFileName(baseName: string, outputId: string): string {
  return `${baseName}.${outputId}.wav`;
}

/**
 * The WAV files of a render, one per output in the mix's order: the export of the studio
 * and of the command line alike. Channels go in the output's file order; a file of more
 * than two channels carries the output's dwChannelMask (WAVE_FORMAT_EXTENSIBLE), while
 * mono and two-channel files stay plain PCM or IEEE float, which every reader takes as
 * mono or left/right. Pure: no file system, no DOM.
 */
export function encodeOutputFiles(mix: RenderedMix, options: OutputFileOptions): OutputFile[] {
  return mix.outputs.map(({ output, channels }) => {
    const fileChannels = channelsInFileOrder(output, channels);
    const peakDbfs = samplePeakDbfs(fileChannels);
    const channelMask = fileChannels.length > 2 ? output.channelMask : undefined;
    const bytes = encodeWav(
      { sampleRateHz: mix.sampleRateHz, channels: fileChannels },
      {
        sampleFormat: options.sampleFormat,
        dither: options.sampleFormat === 'pcm16' ? 'tpdf' : 'none',
        ...(channelMask === undefined ? {} : { channelMask }),
      },
    );
    return {
      outputId: output.id,
      fileName: outputFileName(options.baseName, output.id),
      // encodeWav allocates a plain (never shared) ArrayBuffer, which is what a Blob takes.
      bytes: bytes as Uint8Array<ArrayBuffer>,
      channelCount: fileChannels.length,
      peakDbfs,
      clips: clipsIn(peakDbfs, options.sampleFormat),
    };
  });
}
