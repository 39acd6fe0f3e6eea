import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/cli/commandLine';
import { channelFromLabel, layoutFromFile, layoutFromOption } from '../../../../src/cli/analyze/channelMaskLayout';
import { LAYOUT_NAMES, getLayout } from '../../../../src/core/layouts';
import { SURROUND_WEIGHT, loudnessWeightsForLayout } from '../../../../src/dsp/loudness/channelWeights';

const labels = (mask: number | undefined, channels: number): string[] => layoutFromFile(channels, mask, 'x.wav').channels.map((c) => c.label);

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('layoutFromFile (WAVE_FORMAT_EXTENSIBLE dwChannelMask to BS.2051 loudspeakers)', () => {
  // Layouts filed with mask 0 (src/core/data/README.md) are read with --layout instead.
  const masked = LAYOUT_NAMES.filter((name) => getLayout(name).channelMask !== 0);
  it.each(masked.map((name) => [name]))('reads the mask of %s as that layout, channel for channel in its order', (name) => {
    const layout = getLayout(name);
    const found = layoutFromFile(layout.channels.length, layout.channelMask, 'x.wav');
    expect(found.name).toBe(name);
    expect(found.from).toBe('channel mask');
    expect(found.channels).toEqual(layout.channels);
  });

  it('reads 5.1 in its "back" form 0x3F as 0+5+0 too (L R C LFE Ls Rs, surrounds at +-110)', () => {
    const found = layoutFromFile(6, 0x3f, 'x.wav');
    expect(found.name).toBe('0+5+0');
    expect(found.channels.map((c) => c.label)).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110']);
  });

  it('puts the 7.1 side pair (M+/-090) before the back pair (M+/-135), the SMPTE order of DESIGN.md', () => {
    expect(labels(0x63f, 8)).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135']);
    // A mask that is no studio layout (7.0: 7.1 without its LFE) keeps that order too.
    expect(labels(0x637, 7)).toEqual(['M+030', 'M-030', 'M+000', 'M+090', 'M-090', 'M+135', 'M-135']);
  });

  it('names a mask that is no studio layout by its labels (5.0 without LFE: 0x607)', () => {
    const found = layoutFromFile(5, 0x607, 'x.wav');
    expect(found.name).toBeUndefined();
    expect(found.description).toBe('custom: M+030 M-030 M+000 M+110 M-110');
  });

  it('takes mono and stereo files without a mask from their channel count', () => {
    expect(layoutFromFile(2, undefined, 'x.wav')).toMatchObject({ name: '0+2+0', from: 'channel count' });
    expect(layoutFromFile(1, 0, 'x.wav')).toMatchObject({ description: 'mono', from: 'channel count' });
  });

  it('refuses more than two channels without a mask, naming the channel count and --layout', () => {
    const message = usageError(() => layoutFromFile(4, undefined, 'quad.wav'));
    expect(message).toMatch(/^quad\.wav has 4 channels and no channel mask/);
    expect(message).toContain('--layout');
  });

  it('refuses a mask whose speaker count is not the channel count, and speakers it cannot place', () => {
    expect(usageError(() => layoutFromFile(4, 0x60f, 'x.wav'))).toMatch(/channel mask 0x60F names 6 speakers .* but the file has 4 channels/);
    expect(usageError(() => layoutFromFile(4, 0xc3, 'x.wav'))).toMatch(/FRONT_LEFT_OF_CENTER, FRONT_RIGHT_OF_CENTER/);
  });

  it('gives BS.1770 weights 1, 1, 1, 0 (LFE), 1.41, 1.41 for 5.1', () => {
    expect(loudnessWeightsForLayout(layoutFromFile(6, 0x60f, 'x.wav').channels)).toEqual([1, 1, 1, 0, SURROUND_WEIGHT, SURROUND_WEIGHT]);
  });
});

describe('layoutFromOption', () => {
  it('uses the named layout when the channel count matches, and refuses it otherwise', () => {
    expect(layoutFromOption('0+5+0', 6, 'x.wav')).toMatchObject({ name: '0+5+0', from: 'layout option' });
    expect(usageError(() => layoutFromOption('0+5+0', 4, 'quad.wav'))).toMatch(/^--layout 0\+5\+0: that layout has 6 channels .* but quad\.wav has 4$/);
  });
});

describe('channelFromLabel', () => {
  it('places BS.2051 labels at their nominal positions (layer M 0, U 30, T 90 degrees)', () => {
    expect(channelFromLabel('U-045')).toMatchObject({ label: 'U-045', isLfe: false, azimuthDeg: -45, elevationDeg: 30 });
    expect(channelFromLabel('M+180')).toMatchObject({ label: 'M+180', isLfe: false, azimuthDeg: 180, elevationDeg: 0 });
    expect(channelFromLabel('T+000')).toMatchObject({ label: 'T+000', isLfe: false, azimuthDeg: 0, elevationDeg: 90 });
    expect(channelFromLabel('LFE1')).toEqual({ label: 'LFE1', isLfe: true });
  });
});
