/**
 * The studio meters' integration times (correlation and multiband), seconds: the
 * choices the meter panel offers and the store accepts, and the default the real-time
 * host starts with (dsp/meters/stereoMoments.ts integrates with them).
 */
export const INTEGRATION_TIME_PRESETS_SEC = [0.3, 1, 3] as const;
export const DEFAULT_INTEGRATION_SEC = 0.3;
