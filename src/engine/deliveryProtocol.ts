import type { DeliveryFacts, DeliveryRuleResult } from '../core/delivery/atmosMusicDelivery';
import type { Scene } from '../core/scene/scene';

/** The delivery worker's one request: a scene as the renderer takes it, with its stems (sources, then beds). */
export interface DeliveryRequest {
  readonly scene: Scene;
  readonly stems: readonly (readonly Float32Array[])[];
}

/** What the delivery check found: the facts and the verdicts (no renders: they stay in the worker). */
export interface DeliveryCheckResult {
  readonly facts: DeliveryFacts;
  readonly rules: readonly DeliveryRuleResult[];
  /** The length of the renders measured, seconds. */
  readonly durationSec: number;
}

export type DeliveryReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | ({ readonly kind: 'done' } & DeliveryCheckResult)
  | { readonly kind: 'error'; readonly message: string };
