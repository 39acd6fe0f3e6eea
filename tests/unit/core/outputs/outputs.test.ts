import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, getLayout } from '../../../../src/core/layouts';
import { channelsInFileOrder } from '../../../../src/core/outputs/outputDefinition';
import { speakerFiling, speakerFileOrder, speakerMask } from '../../../../src/core/outputs/speakerMask';
import { loudspeakerOutput, studioOutput, studioOutputs } from '../../../../src/core/outputs/studioOutputs';

const SETTINGS = { monoLaw: '-3dB', hrtfSet: 'test' } as const;

describe('the output model', () => {
  it.each(LAYOUT_NAMES)('%s: its labels\' WAVE filing gives the channelMask its data file states', (name) => {
    const layout = getLayout(name);
    expect(speakerFiling(layout.channels.map((c) => c.label)).channelMask).toBe(layout.channelMask);
    expect(loudspeakerOutput(name, name, name).channelMask).toBe(layout.channelMask);
  });

  it.each(LAYOUT_NAMES)('%s: the file order is a permutation of the channels by increasing speaker bit, or BS.2051\'s with mask 0', (name) => {
    const output = loudspeakerOutput(name, name, name);
    expect([...output.fileOrder].sort((a, b) => a - b)).toEqual(output.channels.map((_, i) => i));
    if (output.channelMask === 0) {
      expect(output.fileOrder).toEqual(output.channels.map((_, i) => i));
      return;
    }
    const bits = output.fileOrder.map((i) => speakerMask([output.channels[i]!.label]));
    for (let k = 1; k < bits.length; k++) expect(bits[k]!).toBeGreaterThan(bits[k - 1]!);
  });

  it('files layouts with a label WAVE has no bit for (B+000, LFE2, M+SC, UH+180, ...) with mask 0 in BS.2051 order', () => {
    expect(speakerFiling(['M+030', 'M-030', 'B+000'])).toEqual({ fileOrder: [0, 1, 2], channelMask: 0 });
    expect(speakerFiling(['M+030', 'M-030', 'U+045', 'U+090'])).toEqual({ fileOrder: [0, 1, 2, 3], channelMask: 0 });
    expect(speakerFiling(['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135', 'U+090', 'U-090'])).toEqual({
      fileOrder: [0, 1, 2, 3, 6, 7, 4, 5, 8, 9],
      channelMask: 0x563f,
    });
  });

  it('puts 7.1\'s back pair (M+/-135) before its side pair (M+/-090) in files, as WAVE_FORMAT_EXTENSIBLE orders by mask bit', () => {
    const output = loudspeakerOutput('7.1', '7.1', '0+7+0');
    const labels = channelsInFileOrder(output, output.channels.map((c) => c.label));
    expect(labels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090']);
    expect(output.channelMask).toBe(0x63f);
  });

  it('refuses labels no WAVE file can carry, naming them', () => {
    expect(() => speakerFileOrder(['M+030', 'B+000'])).toThrow(/"B\+000" has no WAVE_FORMAT_EXTENSIBLE speaker bit/);
    expect(() => speakerFileOrder(['M+110', 'M+090'])).toThrow(/share a WAVE speaker bit/);
  });

  it('makes stereo the 0+2+0 layout and mono its downmix by the mono law (1/sqrt 2 or 1/2 per channel)', () => {
    const stereo = studioOutput('stereo', SETTINGS);
    expect(stereo.kind).toBe('loudspeakers');
    expect(stereo.kind === 'loudspeakers' && stereo.layout.name).toBe('0+2+0');
    for (const [monoLaw, gain] of [['-3dB', Math.SQRT1_2], ['-6dB', 0.5]] as const) {
      const mono = studioOutput('mono', { ...SETTINGS, monoLaw });
      expect(mono.kind).toBe('downmix');
      if (mono.kind !== 'downmix') continue;
      expect(mono.from.id).toBe('stereo');
      expect(mono.matrix).toEqual([[gain, gain]]);
      expect(mono.channels).toEqual([{ label: 'M+000', isLfe: false }]);
    }
    expect(studioOutputs(['mono', 'binaural', 'mono'], SETTINGS).map((o) => o.id)).toEqual(['binaural', 'mono']);
  });
});
