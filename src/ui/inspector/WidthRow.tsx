import { MID_SIDE_LIMITS } from '../../core/scene/midSideSettings';
import type { StudioState } from '../../state/studioState';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';
import './midSide.css';

export interface WidthRowProps {
  /** data-testid of the typed field; the fader's is this with "-fader" after it. */
  readonly testId: string;
  /** Accessible name of the fader ("Mid/side width of Pad"). */
  readonly label: string;
  /** Accessible name of the typed field ("Width"); it also opens the fader's tooltip. */
  readonly fieldLabel: string;
  readonly read: (state: StudioState) => number | undefined;
  readonly onChange: (widthPercent: number) => void;
  /** "row": label, fader and field on one line (the mid/side controls); "strip": the label above them (the narrow master strip). */
  readonly layout: 'row' | 'strip';
}

const LAYOUT_CLASSES = {
  row: { row: 'ms-row', label: 'ms-label' },
  strip: { row: 'master-row', label: 'master-strip-label' },
} as const;

/** Mid/side width, 0-200 %: a fader (100 % at double-click) and a typed field. */
export function WidthRow({ testId, label, fieldLabel, read, onChange, layout }: WidthRowProps) {
  const classes = LAYOUT_CLASSES[layout];
  return (
    <div className={classes.row}>
      <span className={classes.label}>Width</span>
      <Fader
        testId={`${testId}-fader`}
        label={label}
        read={read}
        onChange={onChange}
        min={MID_SIDE_LIMITS.widthPercent.min}
        max={MID_SIDE_LIMITS.widthPercent.max}
        step={1}
        keyStep={5}
        resetValue={100}
        origin={100}
        formatValue={(v) => `${v} percent`}
        title={`${fieldLabel}: 0 % mono, 100 % as is, 200 % side doubled (double-click: 100 %)`}
      />
      <NumberField testId={testId} label={fieldLabel} hideLabel unit="%" read={read} onCommit={onChange} decimals={0} step={5} />
    </div>
  );
}
