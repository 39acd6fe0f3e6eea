import type { DeliveryCheckResult, DeliveryReply, DeliveryRequest } from './deliveryProtocol';

export interface DeliveryRunOptions {
  readonly onProgress?: (fraction: number) => void;
  /** Aborting terminates the worker and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/**
 * Runs one delivery check in its own worker (deliveryWorker.ts), created for the check and
 * terminated after it: a cancel stops the render at once and leaves the preparation
 * worker (stems, exports) alone. Starting another check cancels the one running.
 */
export interface DeliveryClient {
  check(request: DeliveryRequest, options?: DeliveryRunOptions): Promise<DeliveryCheckResult>;
  dispose(): void;
}

export function createDeliveryClient(): DeliveryClient {
  let stopRunning: (() => void) | null = null;
  return {
    check(request, { onProgress, signal } = {}) {
      stopRunning?.();
      if (signal?.aborted === true) return Promise.reject(cancelled());
      return new Promise<DeliveryCheckResult>((resolve, reject) => {
        const worker = new Worker(new URL('./deliveryWorker.ts', import.meta.url), { type: 'module', name: 'delivery-check' });
        const finish = (): void => {
          worker.terminate();
          signal?.removeEventListener('abort', onAbort);
          if (stopRunning === stop) stopRunning = null;
        };
        const stop = (): void => {
          finish();
          reject(cancelled());
        };
        const onAbort = (): void => stop();
        stopRunning = stop;
        signal?.addEventListener('abort', onAbort);
        worker.onmessage = (event: MessageEvent<DeliveryReply>) => {
          const reply = event.data;
          if (reply.kind === 'progress') {
            onProgress?.(reply.fraction);
            return;
          }
          finish();
          if (reply.kind === 'error') reject(new Error(reply.message));
          else resolve({ facts: reply.facts, rules: reply.rules, durationSec: reply.durationSec });
        };
        worker.onerror = (event) => {
          event.preventDefault();
          finish();
          reject(new Error(`the delivery check's worker failed: ${event.message || 'it could not start'}`));
        };
        worker.postMessage(request);
      });
    },
    dispose() {
      stopRunning?.();
    },
  };
}

function cancelled(): DOMException {
  return new DOMException('the delivery check was cancelled', 'AbortError');
}
