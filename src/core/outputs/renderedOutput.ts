import type { OutputDefinition } from './outputDefinition';

/** One output of a finished render: its definition and its channels in its channel order, all of one length. */
export interface RenderedOutput {
  readonly output: OutputDefinition;
  readonly channels: readonly Float32Array[];
}

/** A finished render of some outputs at one sample rate. */
export interface RenderedMix {
  readonly sampleRateHz: number;
  readonly outputs: readonly RenderedOutput[];
}

/** One output of a render encoded as a file (io/outputFiles.ts). */
export interface OutputFile {
  readonly outputId: string;
  readonly fileName: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly channelCount: number;
  /** Sample peak over all channels, dBFS (full scale 1.0); -Infinity for silence. */
  readonly peakDbfs: number;
  /** True when the peak does not fit the file's integer format. */
  readonly clips: boolean;
}
