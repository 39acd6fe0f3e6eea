import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SCENE_LIMITS } from '../../core/scene/scene';
import { getLayout } from '../../core/layouts';
import { ambisonicFormatName } from '../../core/scene/ambisonicStem';
import { findMultichannelStrip } from '../../core/scene/scene';
import { anySoloed, findAmbisonics, findBed, findSource } from '../../state/sceneEdits';
import type { StudioState } from '../../state/studioState';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { Fader } from '../controls/Fader';
import { GAIN_FADER_TAPER } from '../controls/faderTaper';
import { NumberField } from '../controls/NumberField';
import { ToggleButton } from '../controls/ToggleButton';
import { MeterScale } from '../meters/MeterScale';
import { GAIN_FADER_TITLE, formatGain } from '../inspector/GainControl';

export interface MixerStripProps {
  readonly sourceId: string;
  /** Gives the mixer's meter loop this strip's meter: bar, peak hold and clip light (null on unmount). */
  readonly registerMeter: (sourceId: string, element: HTMLElement | null) => void;
}

/**
 * One source, bed or HOA stem: colour, name (a source's click selects it; a bed's shows its
 * layout, an HOA stem's its order and format: they are not on the stage), level meter with
 * peak hold, clip light and dB scale, gain fader and value, mute and solo; a bed's and an
 * HOA stem's also a remove button (they are not selected, so the Delete key does not reach them).
 */
export function MixerStrip({ sourceId, registerMeter }: MixerStripProps) {
  const store = useStudioStoreApi();
  const info = useStudioStore(
    useShallow((s) => {
      const bed = findBed(s.scene, sourceId);
      const hoa = findAmbisonics(s.scene, sourceId);
      const source = findSource(s.scene, sourceId) ?? bed ?? hoa;
      const anySolo = anySoloed(s.scene);
      return {
        bedLayout: bed === undefined ? null : `${getLayout(bed.layout).commonName} bed`,
        hoaFormat: hoa === undefined ? null : `HOA order ${hoa.order}, ${ambisonicFormatName(hoa)}`,
        name: source?.name ?? '',
        color: source?.color ?? '#8899aa',
        mute: source?.mute ?? false,
        solo: source?.solo ?? false,
        audible: source !== undefined && !source.mute && (!anySolo || source.solo),
        selected: s.selectedSourceId === sourceId,
      };
    }),
  );
  const readGain = useCallback((s: StudioState) => (findSource(s.scene, sourceId) ?? findMultichannelStrip(s.scene, sourceId))?.gainDb, [sourceId]);
  const setGain = useCallback((value: number) => store.getState().setGain(sourceId, value), [store, sourceId]);
  const meterRef = useCallback((element: HTMLDivElement | null) => registerMeter(sourceId, element), [registerMeter, sourceId]);
  // A bed or an HOA stem: not on the stage, so not selectable; its kind is shown instead.
  const kind = info.bedLayout ?? info.hoaFormat;
  const select = (): void => {
    if (kind === null) store.getState().selectSource(sourceId);
  };

  return (
    <div
      className={`strip ${info.selected ? 'is-selected' : ''} ${info.audible ? '' : 'is-silent'} ${kind === null ? '' : 'is-bed'}`}
      role="listitem"
      data-testid={`source-list-item-${sourceId}`}
      aria-label={`${info.name}${info.selected ? ' (selected)' : ''}`}
      aria-current={info.selected ? 'true' : undefined}
      style={{ ['--source-color' as string]: info.color }}
      onPointerDown={select}
    >
      <button
        type="button"
        className="strip-name"
        data-testid={`mixer-select-${sourceId}`}
        onClick={select}
        title={
          info.bedLayout !== null
            ? `${info.name}: a ${info.bedLayout}, heard from its loudspeakers (not on the stage)`
            : info.hoaFormat !== null
              ? `${info.name}: ${info.hoaFormat}, a scene-based stem decoded to what is monitored (not on the stage)`
              : `Select ${info.name}`
        }
      >
        <span className="swatch" style={{ background: info.color }} aria-hidden="true" />
        <span className="strip-name-text">{info.name}</span>
        {info.bedLayout !== null && (
          <span className="strip-bed" data-testid={`mixer-bed-${sourceId}`}>
            {info.bedLayout}
          </span>
        )}
        {info.hoaFormat !== null && (
          <span className="strip-bed" data-testid={`mixer-hoa-${sourceId}`}>
            {info.hoaFormat}
          </span>
        )}
      </button>
      <div className="strip-meter" ref={meterRef}>
        <div className="meter" aria-hidden="true" data-testid={`mixer-meter-${sourceId}`}>
          <div className="meter-cover" />
          <div className="meter-hold" hidden />
        </div>
        <button
          type="button"
          className="clip-light"
          data-testid={`mixer-clip-${sourceId}`}
          aria-label={`Clip light of ${info.name}: click to clear`}
          title="Clip: lit by a sample at or above 0 dBFS, until clicked"
          onClick={(event) => event.currentTarget.removeAttribute('data-clipped')}
        />
        <MeterScale />
      </div>
      <Fader
        testId={`mixer-gain-${sourceId}`}
        label={`Gain of ${info.name}`}
        read={readGain}
        onChange={setGain}
        min={GAIN_FADER_TAPER.minDb}
        max={GAIN_FADER_TAPER.maxDb}
        taper={GAIN_FADER_TAPER}
        step={0.1}
        keyStep={0.5}
        resetValue={0}
        formatValue={formatGain}
        className="strip-fader"
        title={GAIN_FADER_TITLE}
      />
      <div className="strip-bottom">
        <NumberField testId={`mixer-gain-value-${sourceId}`} label={`Gain of ${info.name}`} hideLabel unit="dB" read={readGain} onCommit={setGain} decimals={1} step={0.5} range={SCENE_LIMITS.gainDb} />
        <ToggleButton testId={`mixer-mute-${sourceId}`} label={`Mute ${info.name}`} tone="mute" pressed={info.mute} onToggle={() => store.getState().toggleMute(sourceId)} className="small">
          M
        </ToggleButton>
        <ToggleButton testId={`mixer-solo-${sourceId}`} label={`Solo ${info.name}`} tone="solo" pressed={info.solo} onToggle={() => store.getState().toggleSolo(sourceId)} className="small">
          S
        </ToggleButton>
        {kind !== null && (
          <button
            type="button"
            className="bar-button bar-button-quiet small"
            data-testid={`mixer-remove-${sourceId}`}
            aria-label={`Remove ${info.name}`}
            title={`Remove ${info.bedLayout !== null ? 'the bed' : 'the HOA stem'} ${info.name} (Ctrl+Z brings it back)`}
            onClick={() => store.getState().removeSource(sourceId)}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
}
