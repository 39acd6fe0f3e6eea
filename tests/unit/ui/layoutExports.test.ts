import { describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../../src/cli/render/renderArgs';
import { monitorChoices, monitorOutput } from '../../../src/core/outputs/monitorOutputs';
import { outputById } from '../../../src/core/outputs/outputCatalog';
import { SHIPPED_HRTF_SET } from '../../../src/core/outputs/studioOutputs';
import { readUserLayout } from '../../../src/core/userLayout';
import studioB from '../../fixtures/layouts/studio-b-7.1.4.json';
import { defaultLayoutExports, fileChannelLabels, fileDescription, layoutExportGroups, outputIdsOf } from '../../../src/ui/export/layoutExports';

/**
 * The Export dialog's loudspeaker outputs: the monitor's list grouped by layout, the
 * default choice, and each file's channels and WAVE mask, which must be the command
 * line's for the same output id (7.1.4: L R C LFE, back M+-135, side M+-090, tops;
 * SPEAKER_* bits 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x200 | 0x400 | 0x1000 | 0x4000 |
 * 0x8000 | 0x20000 = 0x2D63F; the 5.1 fold's surrounds M+-110 on the SIDE bits: 0x60F).
 */

const ROOM = readUserLayout(studioB, 'studio-b-7.1.4.json');

describe('layout export groups', () => {
  it('puts every monitor choice other than binaural, stereo and mono in exactly one layout group', () => {
    const groups = layoutExportGroups(null);
    const grouped = groups.flatMap(outputIdsOf).sort();
    const offered = monitorChoices(null)
      .filter((choice) => choice.group !== 'studio')
      .map((choice) => choice.id)
      .sort();
    expect(grouped).toEqual(offered);
  });

  it('groups 7.1.4 with 7.1.4 on headphones and its four downmixes, and 5.1 without 5.1.2\'s', () => {
    const groups = layoutExportGroups(null);
    const group = groups.find((g) => g.layout.id === '7.1.4')!;
    expect(group.layout.label).toBe('7.1.4 (4+7+0)');
    expect(group.headphones?.id).toBe('binaural-7.1.4');
    expect(group.downmixes.map((d) => d.id)).toEqual(['7.1.4-to-5.1', '7.1.4-to-loro', '7.1.4-to-ltrt', '7.1.4-to-mono']);
    const five = groups.find((g) => g.layout.id === '5.1')!;
    expect(five.downmixes.map((d) => d.id)).toEqual(['5.1-to-loro', '5.1-to-ltrt', '5.1-to-mono']);
  });

  it('adds a loaded room last, on its loudspeakers and on headphones, with no downmix', () => {
    const groups = layoutExportGroups(ROOM);
    const room = groups[groups.length - 1]!;
    expect([room.layout.id, room.headphones?.id, room.downmixes.length]).toEqual(['room', 'binaural-room', 0]);
  });
});

describe('the layout outputs the dialog starts with', () => {
  const groups = layoutExportGroups(ROOM);

  it('is the monitored output when it is a layout, a layout on headphones or a downmix', () => {
    for (const id of ['7.1.4', 'binaural-7.1.4', '7.1.4-to-5.1', 'room', 'binaural-room']) expect(defaultLayoutExports(id, groups)).toEqual([id]);
  });

  it('is nothing while binaural, stereo or mono is monitored', () => {
    for (const id of ['binaural', 'stereo', 'mono']) expect(defaultLayoutExports(id, groups)).toEqual([]);
  });
});

describe('how each layout output is filed', () => {
  it('describes 7.1.4, its 5.1 fold, a mask-0 layout and the two-channel and mono downmixes', () => {
    expect(fileDescription('7.1.4', '-3dB', null)).toBe('12 channels, WAVE mask 0x2D63F');
    expect(fileDescription('7.1.4-to-5.1', '-3dB', null)).toBe('6 channels, WAVE mask 0x60F');
    expect(fileDescription('4+5+1', '-3dB', null)).toBe('11 channels in BS.2051 order, mask 0');
    expect(fileDescription('7.1.4-to-loro', '-3dB', null)).toBe('2 channels');
    expect(fileDescription('binaural-7.1.4', '-3dB', null)).toBe('2 channels');
    expect(fileDescription('7.1.4-to-mono', '-3dB', null)).toBe('1 channel');
    expect(fileDescription('room', '-3dB', ROOM)).toBe('12 channels, WAVE mask 0x2D63F');
  });

  it('lists 7.1.4\'s file channels in mask-bit order: the back pair before the side pair, then the tops', () => {
    expect(fileChannelLabels('7.1.4', '-3dB', null)).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+090', 'M-090', 'U+045', 'U-045', 'U+135', 'U-135']);
  });

  it('files every monitor output as the command line does: the same channels, file order and mask', () => {
    const args = parseRenderArgs(['scene.json']);
    if (args === 'help') throw new Error('unexpected help');
    const settings = { monoLaw: args.monoLaw, hrtfSet: SHIPPED_HRTF_SET, loRo: args.loRo, ltRt: args.ltRt };
    const ids = monitorChoices(null).map((choice) => choice.id);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) {
      const studio = monitorOutput(id, args.monoLaw, null);
      const cli = outputById(id, settings);
      expect({ labels: studio.channels.map((c) => c.label), fileOrder: studio.fileOrder, mask: studio.channelMask }, id).toEqual({
        labels: cli.channels.map((c) => c.label),
        fileOrder: cli.fileOrder,
        mask: cli.channelMask,
      });
    }
  });
});
