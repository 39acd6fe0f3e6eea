/// <reference types="vite/client" />
import { RENDERER_PROCESSOR_NAME } from '../render/realtime/processorName';
import type { HostMessage } from '../render/realtime/protocol';
import rendererWorkletUrl from '../../worklets/rendererProcessor.ts?worker&url';

/**
 * The studio's renderer as an AudioWorkletNode (worklets/rendererProcessor.ts): the one
 * place a page makes it, for playback, the offline export, the benchmark page and the
 * browser tests' pages. `channels` discrete outputs, connected to the destination, which
 * takes them as they are (no up- or down-mixing by Web Audio).
 */
export async function createRendererNode(context: BaseAudioContext, channels: number): Promise<AudioWorkletNode> {
  await context.audioWorklet.addModule(rendererWorkletUrl);
  const node = new AudioWorkletNode(context, RENDERER_PROCESSOR_NAME, {
    numberOfInputs: 0,
    numberOfOutputs: 1,
    outputChannelCount: [channels],
    channelCount: channels,
    channelCountMode: 'explicit',
    channelInterpretation: 'discrete',
  });
  context.destination.channelCount = channels;
  context.destination.channelInterpretation = 'discrete';
  node.connect(context.destination);
  return node;
}

/** Posts a 'load' message and resolves when the processor has built the renderer (rejects with its error). */
export function loadRenderer(node: AudioWorkletNode, load: Extract<HostMessage, { type: 'load' }>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
      if (event.data.type === 'loaded') resolve();
      else if (event.data.type === 'error') reject(new Error(event.data.message));
    };
    node.port.postMessage(load);
  });
}
