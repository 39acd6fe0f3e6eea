import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, getLayout } from '../../../../src/core/layouts';
import { channelsInFileOrder } from '../../../../src/core/outputs/outputDefinition';
import { speakerFileOrder, speakerMask } from '../../../../src/core/outputs/speakerMask';
import { loudspeakerOutput, studioOutput, studioOutputs } from '../../../../src/core/outputs/studioOutputs';

const SETTINGS = { monoLaw: '-3dB', hrtfSet: 'test' } as const;

describe('the output model', () => {
  it.each(LAYOUT_NAMES)('%s: its labels\' WAVE speaker bits OR to the channelMask its data file states', (name) => {
    const layout = getLayout(name);
    expect(speakerMask(layout.channels.map((c) => c.label))).toBe(layout.channelMask);
  });

  it.each(LAYOUT_NAMES)('%s: the file order is a permutation of the channels by increasing speaker bit', (name) => {
    const output = loudspeakerOutput(name, name, name);
    expect([...output.fileOrder].sort((a, b) => a - b)).toEqual(output.channels.map((_, i) => i));
    const bits = output.fileOrder.map((i) => speakerMask([output.channels[i]!.label]));
    for (let k = 1; k < bits.length; k++) expect(bits[k]!).toBeGreaterThan(bits[k - 1]!);
  });

  it('puts 7.1\'s back pair (M+/-135) before its side pair (M+/-090) in files, as WAVE_FORMAT_EXTENSIBLE orders by mask bit', () => {
    const output = loudspeakerOutput('7.1', '7.1', '0+7+0');
    const labels = channelsInFileOrder(output, output.channels.map((c) => c.label));
    expect(labels).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090']);
    expect(output.channelMask).toBe(0x63f);
  });

  it('puts labels without a WAVE speaker bit (or whose bit an earlier label took) after the mapped ones, outside the mask', () => {
    expect(speakerFileOrder(['M+060', 'M+030', 'LFE2', 'M-030', 'T+000'])).toEqual([1, 3, 4, 0, 2]);
    expect(speakerMask(['M+060', 'M+030', 'LFE2', 'M-030', 'T+000'])).toBe(0x803);
    expect(speakerFileOrder(['M+110', 'M+090'])).toEqual([0, 1]);
    expect(speakerMask(['M+110', 'M+090'])).toBe(0x200);
    // 9+10+3 (22.2): 16 loudspeakers have a bit, 8 (M+/-060, LFE2, U+/-090, B+000, B+/-045) have none.
    const nineTenThree = ['M+060', 'M-060', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+030', 'M-030', 'M+180', 'LFE2', 'M+090', 'M-090', 'U+045', 'U-045', 'U+000', 'T+000', 'U+135', 'U-135', 'U+090', 'U-090', 'U+180', 'B+000', 'B+045', 'B-045'];
    expect(speakerMask(nineTenThree)).toBe(0x3ff3f);
    expect(speakerFileOrder(nineTenThree).map((i) => nineTenThree[i])).toEqual([
      'M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+180', 'M+090', 'M-090', 'T+000', 'U+045', 'U+000', 'U-045', 'U+135', 'U+180', 'U-135',
      'M+060', 'M-060', 'LFE2', 'U+090', 'U-090', 'B+000', 'B+045', 'B-045',
    ]);
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
