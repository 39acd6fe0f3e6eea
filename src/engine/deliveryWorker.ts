import { exportedMix } from '../adm/exportedMix';
import { checkAtmosDelivery } from '../render/delivery/atmosDeliveryCheck';
import { sceneAsMaster } from '../render/delivery/deliveryMaster';
import type { DeliveryReply, DeliveryRequest } from './deliveryProtocol';

/**
 * The delivery worker: the Atmos music delivery check of a scene as its ADM export would
 * write it (render/delivery: what `npm run analyze -- scene.json --delivery atmos-music`
 * runs), off the page's thread. One check per worker: deliveryClient.ts cancels by
 * terminating it.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DeliveryRequest>) => void) | null;
  postMessage(reply: DeliveryReply): void;
};

/** Progress is posted at most this often (fractions), so the page is not flooded. */
const PROGRESS_STEP = 0.01;

scope.onmessage = (event) => {
  const { scene, stems } = event.data;
  try {
    let posted = 0;
    // the mix measured is the export's, read back (as the command line measures a scene)
    const mix = exportedMix(scene, stems, 'the scene');
    const check = checkAtmosDelivery(mix.scene, mix.stems, sceneAsMaster(scene, stems), (fraction) => {
      if (fraction - posted < PROGRESS_STEP) return;
      posted = fraction;
      scope.postMessage({ kind: 'progress', fraction });
    });
    const frames = check.renders[0]?.channels[0]?.length ?? 0;
    scope.postMessage({ kind: 'done', facts: check.facts, rules: check.rules, durationSec: frames / scene.sampleRateHz });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
