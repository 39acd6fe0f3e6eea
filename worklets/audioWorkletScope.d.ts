/**
 * The parts of the AudioWorkletGlobalScope the processors use. The worklets compile
 * without DOM types (like the renderer they host), so the scope is declared here.
 */
interface AudioWorkletMessagePort {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

declare abstract class AudioWorkletProcessor {
  readonly port: AudioWorkletMessagePort;
  constructor(options?: unknown);
  abstract process(
    inputs: readonly (readonly Float32Array[])[],
    outputs: readonly (readonly Float32Array[])[],
    parameters: Readonly<Record<string, Float32Array>>,
  ): boolean;
}

declare function registerProcessor(name: string, processorCtor: new (options?: unknown) => AudioWorkletProcessor): void;

/** The context's sample rate. */
declare const sampleRate: number;
