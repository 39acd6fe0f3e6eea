/** The name the renderer's AudioWorklet processor registers under. */
export const RENDERER_PROCESSOR_NAME = 'spatial-mix-renderer';
