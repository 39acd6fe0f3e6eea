import { useCallback, useMemo } from 'react';
import { isNeutral } from '../../core/scene/midSideSettings';
import type { MidSideNumberField, MidSideSettings, MidSideSettingsPatch } from '../../core/scene/midSideSettings';
import type { StudioState } from '../../state/studioState';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { NumberField } from '../controls/NumberField';
import { ToggleButton } from '../controls/ToggleButton';
import { formatDb } from '../format';
import { WidthRow } from './WidthRow';
import './midSide.css';

export interface MidSideControlsProps {
  /** Prefix of every control's data-testid ("inspector-ms" gives "inspector-ms-width", ...). */
  readonly testIdPrefix: string;
  /** Whose settings ("Pad", "Master"), for accessible names. */
  readonly owner: string;
  /** The settings in effect (defaults when the scene has none); undefined when the owner is gone. Stable. */
  readonly read: (state: StudioState) => MidSideSettings | undefined;
  readonly onChange: (patch: MidSideSettingsPatch) => void;
  readonly onReset: () => void;
  /**
   * The stem is mono: it has no side, so width, side gain, bass mono and the side shelves
   * do nothing and are disabled (mid gain and mid shelves still apply).
   */
  readonly monoStem?: boolean;
}

/** Gain faders cover +/-24 dB (the typed field takes the whole -120..+24 dB). */
const FADER_GAIN_DB = 24;

const SHELVES = [
  { key: 'midLowShelf', label: 'Mid low shelf', side: false },
  { key: 'midHighShelf', label: 'Mid high shelf', side: false },
  { key: 'sideLowShelf', label: 'Side low shelf', side: true },
  { key: 'sideHighShelf', label: 'Side high shelf', side: true },
] as const;

/**
 * The mid/side controls of a source or of the master: width (0-200 %), mid and side gain,
 * bass mono with its cutoff, the four shelves and a reset. Faders are one undo step per
 * drag; typed values and toggles one step each. Numbers follow the store without React
 * renders (Fader, NumberField); React renders only for the bass-mono switch and the
 * neutral state.
 */
export function MidSideControls({ testIdPrefix, owner, read, onChange, onReset, monoStem = false }: MidSideControlsProps) {
  const readField = useMemo(() => {
    const readers = new Map<MidSideNumberField, (state: StudioState) => number | undefined>();
    return (field: MidSideNumberField) => {
      let reader = readers.get(field);
      if (reader === undefined) {
        reader = (state) => read(state)?.[field];
        readers.set(field, reader);
      }
      return reader;
    };
  }, [read]);
  const setField = useCallback((field: MidSideNumberField) => (value: number) => onChange({ [field]: value }), [onChange]);
  const bassMono = useStudioStore((s) => read(s)?.bassMono ?? false);
  const neutral = useStudioStore((s) => {
    const settings = read(s);
    return settings === undefined || isNeutral(settings);
  });
  const id = (name: string): string => `${testIdPrefix}-${name}`;
  const sideOnly = monoStem ? { inert: true, 'aria-disabled': true, className: 'ms-rows is-disabled' } : { className: 'ms-rows' };

  return (
    <div className="ms-controls" data-testid={id('controls')}>
      {monoStem && (
        <p className="empty-note small" data-testid={id('mono-note')}>
          Mono stem: it has no side, so only mid gain and the mid shelves act.
        </p>
      )}
      <div {...sideOnly}>
        <WidthRow
          testId={id('width')}
          label={`Mid/side width of ${owner}`}
          fieldLabel="Width"
          read={readField('widthPercent')}
          onChange={setField('widthPercent')}
          layout="row"
        />
      </div>
      <GainRow id={id('mid-gain')} name="Mid" owner={owner} read={readField('midGainDb')} onChange={setField('midGainDb')} />
      <div {...sideOnly}>
        <GainRow id={id('side-gain')} name="Side" owner={owner} read={readField('sideGainDb')} onChange={setField('sideGainDb')} />
        <div className="ms-row">
          <span className="ms-label">Bass mono</span>
          <ToggleButton
            testId={id('bass-mono')}
            label={`Bass mono of ${owner}`}
            className="small"
            pressed={bassMono}
            onToggle={() => onChange({ bassMono: !bassMono })}
            title="Remove the side below the cutoff (24 dB/octave crossover on the side only)"
          >
            {bassMono ? 'On' : 'Off'}
          </ToggleButton>
          <NumberField
            testId={id('bass-mono-hz')}
            label="Bass mono cutoff"
            hideLabel
            unit="Hz"
            read={readField('bassMonoCutoffHz')}
            onCommit={setField('bassMonoCutoffHz')}
            decimals={0}
            step={10}
          />
        </div>
      </div>
      {SHELVES.map((shelf) => (
        <div key={shelf.key} {...(shelf.side ? sideOnly : { className: 'ms-rows' })}>
          <div className="ms-row ms-shelf">
            <span className="ms-label">{shelf.label}</span>
            <NumberField
              testId={id(`${shelf.key}-hz`)}
              label={`${shelf.label} frequency`}
              hideLabel
              unit="Hz"
              read={readField(`${shelf.key}Hz`)}
              onCommit={setField(`${shelf.key}Hz`)}
              decimals={0}
              step={10}
            />
            <NumberField
              testId={id(`${shelf.key}-db`)}
              label={`${shelf.label} gain`}
              hideLabel
              unit="dB"
              read={readField(`${shelf.key}GainDb`)}
              onCommit={setField(`${shelf.key}GainDb`)}
              decimals={1}
              step={0.5}
            />
          </div>
        </div>
      ))}
      <div className="ms-footer">
        <span className="section-hint" data-testid={id('state')}>
          {neutral ? 'Neutral: no processing' : 'Active'}
        </span>
        <button type="button" className="bar-button small" data-testid={id('reset')} disabled={neutral} onClick={onReset} title="Back to neutral (one undo step)">
          Reset
        </button>
      </div>
    </div>
  );
}

interface GainRowProps {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly read: (state: StudioState) => number | undefined;
  readonly onChange: (value: number) => void;
}

function GainRow({ id, name, owner, read, onChange }: GainRowProps) {
  return (
    <div className="ms-row">
      <span className="ms-label">{name} gain</span>
      <Fader
        testId={`${id}-fader`}
        label={`${name} gain of ${owner}`}
        read={read}
        onChange={onChange}
        min={-FADER_GAIN_DB}
        max={FADER_GAIN_DB}
        step={0.1}
        keyStep={0.5}
        resetValue={0}
        origin={0}
        formatValue={(v) => `${formatDb(v)} dB`}
        title={`${name} gain (double-click: 0 dB)`}
      />
      <NumberField testId={id} label={`${name} gain`} hideLabel unit="dB" read={read} onCommit={onChange} decimals={1} step={0.5} />
    </div>
  );
}
