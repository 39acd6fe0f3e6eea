/**
 * Test signals of EBU Tech 3341 / 3342: 1 kHz sines at given peak levels (dBFS) for given
 * durations, one after the other, synthesised sample by sample (the EBU files' content,
 * without reading them). The phase runs on across segments, so level changes do not add
 * clicks.
 */
export interface ToneSegment {
  readonly levelDbfs: number;
  readonly durationSec: number;
}

export function toneSequence(segments: readonly ToneSegment[], sampleRateHz: number, frequencyHz = 1000): Float32Array {
  const lengths = segments.map((s) => Math.round(s.durationSec * sampleRateHz));
  const out = new Float32Array(lengths.reduce((a, b) => a + b, 0));
  let n = 0;
  segments.forEach((segment, i) => {
    const amplitude = Number.isFinite(segment.levelDbfs) ? 10 ** (segment.levelDbfs / 20) : 0;
    for (let k = 0; k < lengths[i]!; k++, n++) out[n] = amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / sampleRateHz);
  });
  return out;
}

/** `count` repetitions of `pattern`. */
export function repeat(pattern: readonly ToneSegment[], count: number): ToneSegment[] {
  return Array.from({ length: count }, () => pattern).flat();
}

export const SILENCE = -Infinity;
