import { RENDERER_PROCESSOR_NAME } from '../src/render/realtime/processorName';
import type { HostMessage } from '../src/render/realtime/protocol';
import { createRealtimeHost, handleHostMessage, processHost } from '../src/render/realtime/realtimeHost';

/**
 * The studio's AudioWorklet processor: a thin adapter that hands messages to the realtime
 * host between blocks and lets it fill the output each render quantum. A bad message is
 * reported to the page, never thrown into the audio thread.
 */
class RendererProcessor extends AudioWorkletProcessor {
  private readonly host = createRealtimeHost(sampleRate);

  constructor(options?: unknown) {
    super(options);
    this.port.onmessage = (event) => {
      try {
        handleHostMessage(this.host, event.data as HostMessage);
        if ((event.data as HostMessage).type === 'load') this.port.postMessage({ type: 'loaded' });
      } catch (error) {
        this.port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    };
  }

  process(
    _inputs: readonly (readonly Float32Array[])[],
    outputs: readonly (readonly Float32Array[])[],
  ): boolean {
    const output = outputs[0];
    if (output !== undefined) processHost(this.host, output);
    return true;
  }
}

registerProcessor(RENDERER_PROCESSOR_NAME, RendererProcessor);
