/** The renderer's block: the Web Audio render quantum. Every DSP state advances by this many frames. */
export const RENDER_BLOCK_FRAMES = 128;

/** Output formats one render can produce at once. */
export type OutputFormat = 'binaural' | 'stereo' | 'mono';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['binaural', 'stereo', 'mono'];
