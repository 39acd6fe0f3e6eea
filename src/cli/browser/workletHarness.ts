/// <reference lib="dom" />
/// <reference types="vite/client" />
/**
 * Page-side pieces for the benchmark page (benchPage/) and the browser tests' pages
 * (tests/e2e/pages/), served by the studio's Vite dev server: the studio's own AudioWorklet
 * renderer, loaded the way src/engine/webAudioEngine.ts loads it (the worklet URL through
 * `?worker&url`, the shipped HRTF set prepared by the preparation worker), driven by hand
 * in an OfflineAudioContext.
 *
 * This file runs in the browser; the DOM reference above gives it the Web Audio types
 * (the Node-side tsconfig includes src/cli).
 */
import type { Scene, SceneSource } from '../../core/scene';
import { SCENE_FORMAT_VERSION } from '../../core/scene';
import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { createPreparationClient } from '../../engine/preparationClient';
import { RENDERER_PROCESSOR_NAME } from '../../render/realtime/processorName';
import type { HostMessage } from '../../render/realtime/protocol';
import hrtfUrl from '../../../hrtf/mit-kemar-normal-pinna.hrtf?url';
import rendererWorkletUrl from '../../../worklets/rendererProcessor.ts?worker&url';

/** The shipped MIT KEMAR set at `sampleRateHz`, prepared by the studio's preparation worker. */
export async function loadShippedHrtfGrid(sampleRateHz: number): Promise<HrtfGrid> {
  const response = await fetch(hrtfUrl);
  if (!response.ok) throw new Error(`cannot load the HRTF set (${response.status})`);
  const preparation = createPreparationClient();
  try {
    return await preparation.hrtf(await response.arrayBuffer(), 'mit-kemar-normal-pinna.hrtf', sampleRateHz);
  } finally {
    preparation.dispose();
  }
}

/** The studio's renderer as an AudioWorkletNode with `channels` discrete outputs, connected to the destination. */
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

/** Posts a 'load' message and resolves when the processor has built the renderer. */
export function loadRenderer(node: AudioWorkletNode, load: Extract<HostMessage, { type: 'load' }>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
      if (event.data.type === 'loaded') resolve();
      else if (event.data.type === 'error') reject(new Error(event.data.message));
    };
    node.port.postMessage(load);
  });
}

/** A scene of mono objects (their stems travel in the load message; the generator name is never used), listener facing front. */
export function sceneOf(sampleRateHz: number, sources: readonly Pick<SceneSource, 'position' | 'gainDb'>[]): Scene {
  return {
    version: SCENE_FORMAT_VERSION,
    sampleRateHz,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources: sources.map((s, i) => ({
      id: `object-${i}`,
      name: `Object ${i}`,
      stem: { kind: 'generator', generator: 'test' },
      gainDb: s.gainDb,
      mute: false,
      solo: false,
      position: s.position,
      spreadDeg: 0,
    })),
  };
}
