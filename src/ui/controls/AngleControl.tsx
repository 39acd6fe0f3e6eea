import type { StudioState } from '../../state/studioState';
import { Fader } from './Fader';
import { NumberField } from './NumberField';

export interface AngleControlProps {
  /** data-testid of the typed field; the fader's is this with "-fader" after it. */
  readonly testId: string;
  /** Accessible name of the fader ("Scene rotation in degrees ..."). */
  readonly faderLabel: string;
  /** Accessible name of the typed field. */
  readonly fieldLabel: string;
  readonly read: (state: StudioState) => number;
  readonly onChange: (angleDeg: number) => void;
  readonly faderTitle: string;
  readonly fieldTitle: string;
  readonly faderClassName?: string;
}

/**
 * A turn in whole degrees, -180 to 180, positive to the LEFT (the ADM direction): a fader
 * filled from 0 (double-click: 0) and a typed field. The caller lays them out and names
 * what turns.
 */
export function AngleControl({ testId, faderLabel, fieldLabel, read, onChange, faderTitle, fieldTitle, faderClassName = '' }: AngleControlProps) {
  return (
    <>
      <Fader
        testId={`${testId}-fader`}
        label={faderLabel}
        read={read}
        onChange={onChange}
        min={-180}
        max={180}
        step={1}
        keyStep={1}
        origin={0}
        resetValue={0}
        formatValue={(v) => `${v} degrees${v > 0 ? ' left' : v < 0 ? ' right' : ''}`}
        className={faderClassName}
        title={faderTitle}
      />
      <NumberField testId={testId} label={fieldLabel} hideLabel unit="°" read={read} onCommit={onChange} decimals={0} title={fieldTitle} />
    </>
  );
}
