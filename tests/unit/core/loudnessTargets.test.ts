import { describe, expect, it } from 'vitest';
import { LOUDNESS_TARGETS, distanceToTarget, getLoudnessTarget } from '../../../src/core/loudnessTargets';

describe('loudness targets and the distance to them', () => {
  it('has the presets of EBU R 128, streaming, Apple Music, Atmos binaural and podcasts, all with a -1 dBTP ceiling', () => {
    expect(LOUDNESS_TARGETS.map((t) => [t.id, t.integratedLufs])).toEqual([
      ['ebu-r128', -23],
      ['streaming', -14],
      ['apple-music', -16],
      ['atmos-binaural', -18],
      ['podcast', -16],
    ]);
    for (const target of LOUDNESS_TARGETS) expect(target.maxTruePeakDbtp).toBe(-1);
  });

  it('R 128: a -20 LUFS mix peaking at -3 dBTP is 3 LU too loud; -3 dB of gain fixes it without limiting', () => {
    const d = distanceToTarget(-20, -3, getLoudnessTarget('ebu-r128'));
    expect(d.loudnessOffsetLu).toBe(3);
    expect(d.gainToTargetDb).toBe(-3);
    expect(d.truePeakAfterGainDbtp).toBe(-6);
    expect(d.loudnessWithinTolerance).toBe(false);
    expect(d.truePeakWithinLimit).toBe(true);
    expect(d.needsLimiting).toBe(false);
  });

  it('streaming: the same mix needs +6 dB, which would put the true peak at +3 dBTP: limiting needed, at most +2 dB by gain', () => {
    const d = distanceToTarget(-20, -3, getLoudnessTarget('streaming'));
    expect(d.gainToTargetDb).toBe(6);
    expect(d.truePeakAfterGainDbtp).toBe(3);
    expect(d.maxGainForTruePeakDb).toBe(2);
    expect(d.needsLimiting).toBe(true);
  });

  it('is within tolerance inside +-0.5 LU for R 128 and +-1 LU for the others', () => {
    expect(distanceToTarget(-23.4, -10, getLoudnessTarget('ebu-r128')).loudnessWithinTolerance).toBe(true);
    expect(distanceToTarget(-23.6, -10, getLoudnessTarget('ebu-r128')).loudnessWithinTolerance).toBe(false);
    expect(distanceToTarget(-18.9, -10, getLoudnessTarget('atmos-binaural')).loudnessWithinTolerance).toBe(true);
  });
});
