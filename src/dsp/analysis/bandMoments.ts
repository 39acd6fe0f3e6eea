import type { BandBins } from './bandBins';
import type { FrameSpectrum } from './frameSpectrum';

/**
 * One frame's band moments, added to the analyser's sums (monoMomentAnalyser.ts): the
 * mix's PL, PR, C per band, and an input's own moments and its products with the mix
 * (sourceMoments.ts), as weighted sums over each band's bins (bandBins.ts).
 */
export interface BandLayout {
  readonly bandCount: number;
  readonly segments: BandBins;
  /** The segments' weights times the analyser's energy scale. */
  readonly scaledWeight: Float64Array;
  /** Band b's group (the outside bucket in the last). */
  readonly groupOfBand: Int32Array;
  readonly groupCount: number;
}

/** Where a frame's mix moments go. */
export interface MixMomentSums {
  /** MIX_STRIDE numbers per band. */
  readonly bands: Float64Array;
  /** MIX_STRIDE numbers per timeline window. */
  readonly window: Float64Array;
  /** Per window and band group: PL + PR + 2C. */
  readonly windowGroupMono: Float64Array;
}

/** Where a frame's moments of one input go. */
export interface InputMomentSums {
  /** SOURCE_STRIDE numbers per band (bandCount + 1 bands). */
  readonly bands: Float64Array;
  /** Per window and band group: the input's share of the mix's C. */
  readonly windowGroupShare: Float32Array;
  /** Per window: the input's own PL + PR. */
  readonly windowPower: Float32Array;
}

// The loops below index with the literal strides 3 (MIX_STRIDE) and 7 (SOURCE_STRIDE).

/** Adds the mix spectrum x's band moments of this frame, counted in timeline window `windowIndex`. */
export function accumulateMixMoments(layout: BandLayout, x: FrameSpectrum, sums: MixMomentSums, windowIndex: number): void {
  const { groupOfBand } = layout;
  const { bands, window, windowGroupMono } = sums;
  const windowAt = 3 * windowIndex;
  const groupAt = layout.groupCount * windowIndex;
  for (let b = 0; b <= layout.bandCount; b++) {
    bandPairMoments(layout, x, b, pair);
    const pl = pair[0]!, pr = pair[1]!, c = pair[2]!;
    const at = 3 * b;
    bands[at] = bands[at]! + pl;
    bands[at + 1] = bands[at + 1]! + pr;
    bands[at + 2] = bands[at + 2]! + c;
    window[windowAt] = window[windowAt]! + pl;
    window[windowAt + 1] = window[windowAt + 1]! + pr;
    window[windowAt + 2] = window[windowAt + 2]! + c;
    const g = groupAt + groupOfBand[b]!;
    windowGroupMono[g] = windowGroupMono[g]! + pl + pr + 2 * c;
  }
}

/** Scratch for one band's PL, PR, C. */
const pair = new Float64Array(3);

/** Spectrum x's PL, PR, C in band b, into out[0..2] (a scaled-copy right channel from the left's sums). */
function bandPairMoments(layout: BandLayout, x: FrameSpectrum, b: number, out: Float64Array): void {
  const { bin, bandStart } = layout.segments;
  const { scaledWeight } = layout;
  const { lr: xlr, li: xli, rr: xrr, ri: xri } = x;
  const scale = x.rightScale;
  let pl = 0, pr = 0, c = 0;
  const start = bandStart[b]!, end = bandStart[b + 1]!;
  if (!Number.isNaN(scale)) {
    for (let s = start; s < end; s++) {
      const k = bin[s]!;
      const lr = xlr[k]!, li = xli[k]!;
      pl += scaledWeight[s]! * (lr * lr + li * li);
    }
    pr = scale * scale * pl;
    c = scale * pl;
  } else {
    for (let s = start; s < end; s++) {
      const k = bin[s]!;
      const w = scaledWeight[s]!;
      const lr = xlr[k]!, li = xli[k]!, rr = xrr[k]!, ri = xri[k]!;
      pl += w * (lr * lr + li * li);
      pr += w * (rr * rr + ri * ri);
      c += w * (lr * rr + li * ri);
    }
  }
  out[0] = pl;
  out[1] = pr;
  out[2] = c;
}

/**
 * Adds input s's moments of this frame against the mix spectrum x. An input whose right
 * channel is k times its left (s.rightScale) needs only three sums per band:
 * pr = k^2 pl, c = k pl, xLsR = k xLsL and xRsR = k xRsL.
 */
export function accumulateInputMoments(layout: BandLayout, s: FrameSpectrum, x: FrameSpectrum, sums: InputMomentSums, windowIndex: number): void {
  const { bin, bandStart } = layout.segments;
  const { scaledWeight, groupOfBand } = layout;
  const { lr: slrs, li: slis, rr: srrs, ri: sris } = s;
  const { lr: xlrs, li: xlis, rr: xrrs, ri: xris } = x;
  const { bands, windowGroupShare } = sums;
  const groupAt = layout.groupCount * windowIndex;
  const scale = s.rightScale;
  const scaled = !Number.isNaN(scale);
  let power = 0;
  for (let b = 0; b <= layout.bandCount; b++) {
    let pl = 0, pr = 0, c = 0, xLsL = 0, xLsR = 0, xRsL = 0, xRsR = 0;
    const start = bandStart[b]!, end = bandStart[b + 1]!;
    if (scaled) {
      for (let g = start; g < end; g++) {
        const k = bin[g]!;
        const w = scaledWeight[g]!;
        const ulr = slrs[k]!, uli = slis[k]!;
        const slr = w * ulr, sli = w * uli;
        pl += slr * ulr + sli * uli;
        xLsL += xlrs[k]! * slr + xlis[k]! * sli;
        xRsL += xrrs[k]! * slr + xris[k]! * sli;
      }
      pr = scale * scale * pl;
      c = scale * pl;
      xLsR = scale * xLsL;
      xRsR = scale * xRsL;
    } else {
      for (let g = start; g < end; g++) {
        const k = bin[g]!;
        const w = scaledWeight[g]!;
        // u.. is the source's bin, s.. the same times the weight: every product takes one weighted factor.
        const ulr = slrs[k]!, uli = slis[k]!, urr = srrs[k]!, uri = sris[k]!;
        const slr = w * ulr, sli = w * uli, srr = w * urr, sri = w * uri;
        const xlr = xlrs[k]!, xli = xlis[k]!, xrr = xrrs[k]!, xri = xris[k]!;
        pl += slr * ulr + sli * uli;
        pr += srr * urr + sri * uri;
        c += slr * urr + sli * uri;
        xLsL += xlr * slr + xli * sli;
        xLsR += xlr * srr + xli * sri;
        xRsL += xrr * slr + xri * sli;
        xRsR += xrr * srr + xri * sri;
      }
    }
    const at = 7 * b;
    bands[at] = bands[at]! + pl;
    bands[at + 1] = bands[at + 1]! + pr;
    bands[at + 2] = bands[at + 2]! + c;
    bands[at + 3] = bands[at + 3]! + xLsL;
    bands[at + 4] = bands[at + 4]! + xLsR;
    bands[at + 5] = bands[at + 5]! + xRsL;
    bands[at + 6] = bands[at + 6]! + xRsR;
    const g = groupAt + groupOfBand[b]!;
    windowGroupShare[g] = windowGroupShare[g]! + 0.5 * (xLsR + xRsL);
    power += pl + pr;
  }
  sums.windowPower[windowIndex] = sums.windowPower[windowIndex]! + power;
}

/**
 * Adds only input s's own moments of this frame (PL, PR, C per band, and its power in
 * the window), not its products with the mix: for an analysis that needs each input's
 * own figures alone (an analyser's ownOnly view).
 */
export function accumulateOwnMoments(layout: BandLayout, s: FrameSpectrum, sums: InputMomentSums, windowIndex: number): void {
  const bands = sums.bands;
  let power = 0;
  for (let b = 0; b <= layout.bandCount; b++) {
    bandPairMoments(layout, s, b, pair);
    const at = 7 * b;
    bands[at] = bands[at]! + pair[0]!;
    bands[at + 1] = bands[at + 1]! + pair[1]!;
    bands[at + 2] = bands[at + 2]! + pair[2]!;
    power += pair[0]! + pair[1]!;
  }
  sums.windowPower[windowIndex] = sums.windowPower[windowIndex]! + power;
}
