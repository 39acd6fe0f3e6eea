/**
 * A parameter that glides linearly to its target over a fixed number of samples, so
 * changes never step (no zipper noise) and always finish: after `rampFrames` samples the
 * value equals the target exactly. A new target starts a new ramp from wherever the value
 * is, with step = (target - value) / rampFrames.
 *
 * The value advances one step per sample; callers process in chunks no longer than
 * `remaining` so the step is constant inside a chunk, then call `advanceLinearRamp`.
 * The value after n samples is the same however the samples are split into calls.
 */
export interface LinearRamp {
  value: number;
  target: number;
  /** Change per sample while ramping. */
  step: number;
  /** Samples left in the ramp; 0 when settled (value === target). */
  remaining: number;
  readonly rampFrames: number;
}

export function createLinearRamp(initial: number, rampFrames: number): LinearRamp {
  return { value: initial, target: initial, step: 0, remaining: 0, rampFrames: Math.max(1, Math.round(rampFrames)) };
}

/** Starts a glide to `target` (ignored when not finite). */
export function setLinearRampTarget(ramp: LinearRamp, target: number): void {
  if (!Number.isFinite(target) || target === ramp.target) return;
  ramp.target = target;
  ramp.remaining = ramp.rampFrames;
  ramp.step = (target - ramp.value) / ramp.rampFrames;
}

/** Jumps to `value` at once (start, seek, reset). */
export function jumpLinearRamp(ramp: LinearRamp, value: number): void {
  if (!Number.isFinite(value)) return;
  ramp.value = value;
  ramp.target = value;
  ramp.step = 0;
  ramp.remaining = 0;
}

/**
 * Advances the ramp by `frames` samples (frames <= remaining while ramping). The value is
 * accumulated step by step, exactly as a per-sample loop `v += step` would, so callers that
 * apply the ramp sample by sample and this function agree bit for bit.
 */
export function advanceLinearRamp(ramp: LinearRamp, frames: number): void {
  if (ramp.remaining === 0) return;
  if (frames >= ramp.remaining) {
    ramp.value = ramp.target;
    ramp.step = 0;
    ramp.remaining = 0;
    return;
  }
  let v = ramp.value;
  const step = ramp.step;
  for (let i = 0; i < frames; i++) v += step;
  ramp.value = v;
  ramp.remaining -= frames;
}
