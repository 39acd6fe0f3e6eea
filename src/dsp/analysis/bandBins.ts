import type { ThirdOctaveBand } from '../filters/thirdOctaveBands';

/**
 * Which FFT bins make up each band, for spectral band moments.
 *
 * Bin k of an N-point real FFT at rate fs stands for the frequencies
 * [(k - 1/2) fs/N, (k + 1/2) fs/N) (bin 0 from 0, bin N/2 up to fs/2). A bin counts
 * towards a band with the fraction of that interval inside the band's edges, so a low
 * band narrower than one bin (the 20 Hz band is 4.6 Hz wide, a bin 5.9 Hz at 8192
 * points and 48 kHz) still gets a share of the bins it overlaps, and the shares of a
 * bin over all bands and the "outside" bucket sum to 1.
 *
 * The weight also carries Parseval's factor for the half spectrum (2/N for the bins
 * that stand for a positive and a negative frequency, 1/N for bin 0 and bin N/2), so
 * that summing weight |X_k|^2 over every segment gives sum_n x[n]^2 of the transformed
 * (windowed) frame.
 */
export interface BandBins {
  readonly bandCount: number;
  /** Segments, ordered by band: bin index, band index (bandCount = outside every band), weight. */
  readonly bin: Int32Array;
  readonly band: Int32Array;
  readonly weight: Float64Array;
  /** Band b's segments are bandStart[b] .. bandStart[b + 1] - 1 (bandCount + 2 entries). */
  readonly bandStart: Int32Array;
}

export function createBandBins(bands: readonly ThirdOctaveBand[], fftSize: number, sampleRateHz: number): BandBins {
  const binHz = sampleRateHz / fftSize;
  const lastBin = fftSize / 2;
  const bins: number[] = [];
  const bandOf: number[] = [];
  const weights: number[] = [];
  const push = (k: number, b: number, fraction: number): void => {
    if (fraction <= 1e-12) return;
    bins.push(k);
    bandOf.push(b);
    weights.push(fraction * (k === 0 || k === lastBin ? 1 : 2) / fftSize);
  };
  for (let k = 0; k <= lastBin; k++) {
    const low = Math.max(0, (k - 0.5) * binHz);
    const high = Math.min(sampleRateHz / 2, (k + 0.5) * binHz);
    const width = high - low;
    let inside = 0;
    bands.forEach((band, b) => {
      const overlap = Math.min(high, band.upperHz) - Math.max(low, band.lowerHz);
      if (overlap <= 0) return;
      inside += overlap / width;
      push(k, b, overlap / width);
    });
    push(k, bands.length, 1 - inside);
  }
  // Band-major order, so that a band's sums run over one stretch of segments.
  const order = bins.map((_, i) => i).sort((a, b) => bandOf[a]! - bandOf[b]! || bins[a]! - bins[b]!);
  const bandStart = new Int32Array(bands.length + 2);
  for (const i of order) bandStart[bandOf[i]! + 1] = bandStart[bandOf[i]! + 1]! + 1;
  for (let b = 0; b <= bands.length; b++) bandStart[b + 1] = bandStart[b + 1]! + bandStart[b]!;
  return {
    bandCount: bands.length,
    bin: Int32Array.from(order, (i) => bins[i]!),
    band: Int32Array.from(order, (i) => bandOf[i]!),
    weight: Float64Array.from(order, (i) => weights[i]!),
    bandStart,
  };
}
