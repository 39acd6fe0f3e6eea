import { describe, expect, it } from 'vitest';
import { createBlockDelay, processBlockDelay, resetBlockDelay } from '../../../src/dsp/blockDelay';

describe('the block delay', () => {
  it.each([1, 127, 128, 129, 512])('delays by 255 frames whatever the block length (%i): exact', (blockFrames) => {
    const input = Float32Array.from({ length: 2000 }, (_, n) => n + 1);
    const output = new Float32Array(input.length);
    const delay = createBlockDelay(255);
    for (let at = 0; at < input.length; at += blockFrames) {
      const frames = Math.min(blockFrames, input.length - at);
      // in place, as the renderer aligns its buses
      const block = input.slice(at, at + frames);
      processBlockDelay(delay, block, block, frames);
      output.set(block, at);
    }
    for (let n = 0; n < 255; n++) expect(output[n]).toBe(0);
    for (let n = 255; n < input.length; n++) expect(output[n]).toBe(input[n - 255]);
  });

  it('passes the input through at a delay of 0, and forgets its history on reset', () => {
    const through = createBlockDelay(0);
    const out = new Float32Array(4);
    processBlockDelay(through, Float32Array.of(1, 2, 3, 4), out, 4);
    expect([...out]).toEqual([1, 2, 3, 4]);
    const delay = createBlockDelay(3);
    processBlockDelay(delay, Float32Array.of(1, 2, 3, 4), out, 4);
    resetBlockDelay(delay);
    processBlockDelay(delay, Float32Array.of(5, 6, 7, 8), out, 4);
    expect([...out]).toEqual([0, 0, 0, 5]);
  });

  it('refuses a delay that is not a whole number of frames', () => {
    expect(() => createBlockDelay(2.5)).toThrow(/whole number of frames/);
    expect(() => createBlockDelay(-1)).toThrow(/whole number of frames/);
  });
});
