import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../src/core/fieldError';
import {
  DEFAULT_DOWNMIX_LEVEL_SETTINGS,
  DOWNMIX_LEVEL_FIELDS,
  outputUsesDownmixLevels,
  readDownmixLevelSettings,
  withDownmixLevel,
} from '../../../../src/core/outputs/downmixLevelSettings';
import { monitorOutput } from '../../../../src/core/outputs/monitorOutputs';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import { SHIPPED_HRTF_SET } from '../../../../src/core/outputs/studioOutputs';

const LEVELS = { loRo: { centreDb: 0, surroundDb: -6 }, ltRt: { centreDb: 1.5, surroundDb: -4.5 } };

describe('the session\'s downmix levels', () => {
  it('reads stored levels as they are, and names the field, what was expected and what was found for anything else', () => {
    expect(readDownmixLevelSettings(structuredClone(LEVELS), 'autosaved session', 'view.monitor.downmixLevels')).toEqual(LEVELS);
    const problem = (value: unknown): string => {
      try {
        readDownmixLevelSettings(value, 'autosaved session', 'view.monitor.downmixLevels');
      } catch (error) {
        expect(error).toBeInstanceOf(FieldError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ ...LEVELS, loRo: { centreDb: -5, surroundDb: -6 } })).toBe(
      'autosaved session: view.monitor.downmixLevels.loRo.centreDb: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 (dB), got -5',
    );
    expect(problem({ ...LEVELS, ltRt: { centreDb: 0, surroundDb: '0' } })).toBe(
      'autosaved session: view.monitor.downmixLevels.ltRt.surroundDb: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 (dB), got "0"',
    );
    expect(problem({ loRo: LEVELS.loRo })).toBe('autosaved session: view.monitor.downmixLevels.ltRt: expected an object, got nothing');
    expect(problem([])).toBe('autosaved session: view.monitor.downmixLevels: expected an object, got an array');
  });

  it('changes one level at a time, refusing a level between the 1.5 dB steps', () => {
    const loRoCentre = DOWNMIX_LEVEL_FIELDS[0];
    expect(withDownmixLevel(DEFAULT_DOWNMIX_LEVEL_SETTINGS, loRoCentre, 0)).toEqual({ loRo: { centreDb: 0, surroundDb: -3 }, ltRt: { centreDb: -3, surroundDb: -3 } });
    expect(() => withDownmixLevel(DEFAULT_DOWNMIX_LEVEL_SETTINGS, loRoCentre, 2)).toThrow('Lo/Ro centre: 2 dB is not a downmix level; expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 dB');
    expect(DOWNMIX_LEVEL_FIELDS.map((field) => field.flag)).toEqual(['--loro-centre', '--loro-surround', '--ltrt-centre', '--ltrt-surround']);
  });

  it('builds the monitor\'s (and the export\'s) 7.1.4-to-loro as the command line builds it with the same flags: centre 0 dB -> 1, surround -6 dB -> 0.5', () => {
    const studio = monitorOutput('7.1.4-to-loro', '-3dB', null, LEVELS);
    const cli = outputById('7.1.4-to-loro', { monoLaw: '-3dB', hrtfSet: SHIPPED_HRTF_SET, loRo: LEVELS.loRo, ltRt: LEVELS.ltRt });
    expect(studio).toEqual(cli);
    if (studio.kind !== 'downmix') throw new Error('not a downmix');
    // The 5.1 fold's channels: L R C LFE Ls Rs; Lo = L + c C + s Ls.
    expect(studio.matrix[0]).toEqual([1, 0, 1, 0, 0.5, 0]);
    expect(studio.matrix[1]).toEqual([0, 1, 1, 0, 0, 0.5]);
    const ltRt = monitorOutput('7.1.4-to-ltrt', '-3dB', null, LEVELS);
    if (ltRt.kind !== 'downmix' || ltRt.quadrature === undefined) throw new Error('not a matrix encoding');
    expect(ltRt.matrix[0]![2]).toBeCloseTo(2 ** (1.5 / 6), 12);
    expect(ltRt.quadrature.outputGains[1]).toBeCloseTo(2 ** (-4.5 / 6), 12);
    // Without levels, the defaults: -3 dB, 2^(-1/2).
    const defaults = monitorOutput('7.1.4-to-loro', '-3dB');
    if (defaults.kind !== 'downmix') throw new Error('not a downmix');
    expect(defaults.matrix[0]![2]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('knows which outputs the levels make: Lo/Ro, Lt/Rt and the mono of Lo/Ro, not the 5.1 fold nor the studio\'s mono', () => {
    expect(['7.1.4-to-loro', '7.1.4-to-ltrt', '7.1.4-to-mono', '5.1-to-loro'].filter(outputUsesDownmixLevels)).toHaveLength(4);
    expect(['7.1.4-to-5.1', 'mono', 'stereo', '7.1.4', 'binaural-7.1.4'].filter(outputUsesDownmixLevels)).toEqual([]);
  });
});
