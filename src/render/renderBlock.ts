/** The renderer's block: the Web Audio render quantum. Every DSP state advances by this many frames. */
export const RENDER_BLOCK_FRAMES = 128;
