import { describe, expect, it } from 'vitest';
import { describeStagePosition, stageObjectKeyDelta } from '../../../src/ui/stage/stageObjectKeys';

describe('keys on a focused stage object', () => {
  it('turns it in azimuth (Left is +, the ADM left) and elevation, 1 degree a press, 10 with Shift', () => {
    expect(stageObjectKeyDelta({ key: 'ArrowLeft', shiftKey: false })).toEqual({ azimuthDeg: 1 });
    expect(stageObjectKeyDelta({ key: 'ArrowRight', shiftKey: true })).toEqual({ azimuthDeg: -10 });
    expect(stageObjectKeyDelta({ key: 'ArrowUp', shiftKey: false })).toEqual({ elevationDeg: 1 });
    expect(stageObjectKeyDelta({ key: 'ArrowDown', shiftKey: true })).toEqual({ elevationDeg: -10 });
  });

  it('moves it 0.1 m out and in with PageUp and PageDown, and leaves other keys alone', () => {
    expect(stageObjectKeyDelta({ key: 'PageUp', shiftKey: false })).toEqual({ distanceM: 0.1 });
    expect(stageObjectKeyDelta({ key: 'PageDown', shiftKey: false })).toEqual({ distanceM: -0.1 });
    expect(stageObjectKeyDelta({ key: 'Tab', shiftKey: false })).toBeNull();
    expect(stageObjectKeyDelta({ key: ' ', shiftKey: false })).toBeNull();
  });

  it('says where the source is', () => {
    expect(describeStagePosition('Drums', { azimuthDeg: 10, elevationDeg: 0, distanceM: 2.5 })).toBe('Drums: azimuth +10°, elevation 0°, distance 2.50 m');
    expect(describeStagePosition('Pad', { azimuthDeg: -7.5, elevationDeg: -10, distanceM: 4 })).toBe('Pad: azimuth -7.5°, elevation -10°, distance 4.00 m');
  });
});
