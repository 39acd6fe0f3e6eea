import { useRef } from 'react';
import { LOUDNESS_TARGETS } from '../../core/loudnessTargets';
import { INTEGRATION_TIME_PRESETS_SEC } from '../../core/meterPresets';
import type { LoudnessTargetId } from '../../core/loudnessTargets';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { SegmentedControl } from '../controls/SegmentedControl';
import { useMetersLoop } from './useMetersLoop';
import { SpeakerMeters } from './SpeakerMeters';
import './meters.css';

const INTEGRATION_SEGMENTS = INTEGRATION_TIME_PRESETS_SEC.map((sec) => ({
  value: sec,
  label: `${sec} s`,
  title: `Correlation and band meters integrate over ${sec} s`,
  testId: `integration-${sec}`,
}));

/**
 * The studio meters of what is heard (the monitored output, after the monitor solo):
 * correlation with its history, the 31-band correlation and level lost in mono, the goniometer,
 * mid/side levels and the mono sum vs stereo, and loudness against a delivery target. React renders
 * only when a setting changes (data-renders counts the renders, for tests); every reading
 * is written by one animation-frame loop (useMetersLoop).
 */
export function MetersPanel() {
  const store = useStudioStoreApi();
  const engine = useStudioStore((s) => s.engine);
  const integrationSec = useStudioStore((s) => s.meterSettings.integrationSec);
  const loudnessTarget = useStudioStore((s) => s.meterSettings.loudnessTarget);
  const root = useRef<HTMLElement>(null);
  const target = useRef<LoudnessTargetId>(loudnessTarget);
  target.current = loudnessTarget;
  const renders = useRef(0);
  renders.current += 1;
  useMetersLoop(root, engine, target);
  const targetInfo = LOUDNESS_TARGETS.find((t) => t.id === loudnessTarget);

  return (
    <section ref={root} className="panel meters-panel" aria-label="Meters" data-testid="meters-panel" data-renders={renders.current}>
      <div className="meters-section">
        <div className="meters-heading">
          <h2 className="panel-title">Correlation</h2>
          <span className="meters-value meters-big" data-readout="correlation" data-testid="meter-correlation">
            --
          </span>
        </div>
        <div className="correlation-scale" aria-hidden="true">
          <span>-1</span>
          <span>0</span>
          <span>+1</span>
        </div>
        <div className="correlation-track" role="presentation">
          <div className="correlation-needle" data-needle="" />
        </div>
        <canvas className="meters-canvas history-canvas" data-canvas="history" aria-label="Correlation over the last 10 seconds" />
        <div className="meters-row">
          <span className="field-label" id="integration-label">
            Integration
          </span>
          <SegmentedControl
            segments={INTEGRATION_SEGMENTS}
            selected={integrationSec}
            labelledBy="integration-label"
            className="small"
            onSelect={(sec) => store.getState().setIntegrationTime(sec)}
          />
        </div>
      </div>

      <SpeakerMeters />

      <div className="meters-section">
        <h2 className="panel-title">Bands: correlation and mono loss</h2>
        <canvas className="meters-canvas multiband-canvas" data-canvas="multiband" aria-label="Correlation and level lost in mono per one-third-octave band" />
      </div>

      <div className="meters-section meters-field">
        <div className="goniometer" aria-label="Goniometer (M up, L and R at 45 degrees)" role="img">
          <canvas className="goniometer-layer" data-canvas="goniometer-guides" />
          <canvas className="goniometer-layer" data-canvas="goniometer" />
        </div>
        <dl className="meters-list">
          <Reading label="Mid" unit="dB" readout="mid" />
          <Reading label="Side" unit="dB" readout="side" />
          <Reading label="M/S" unit="dB" readout="ms-ratio" />
          <Reading label="Mono vs stereo" unit="dB" readout="mono-vs-stereo" title="The mono fold-down against the stereo level: positive is louder in mono, negative is level lost" />
          <Reading label="Left" unit="dB" readout="left" />
          <Reading label="Right" unit="dB" readout="right" />
        </dl>
      </div>

      <div className="meters-section">
        <div className="meters-heading">
          <h2 className="panel-title">Loudness</h2>
          <button type="button" className="toggle small" data-testid="loudness-reset" title="Restart integrated loudness, LRA, maxima and true peak" onClick={() => store.getState().resetLoudness()}>
            Reset
          </button>
        </div>
        <dl className="meters-list loudness-list">
          <Reading label="Momentary" unit="LUFS" readout="momentary" />
          <Reading label="Short-term" unit="LUFS" readout="short-term" />
          <Reading label="Integrated" unit="LUFS" readout="integrated" />
          <Reading label="LRA" unit="LU" readout="lra" />
          <Reading label="True peak" unit="dBTP" readout="true-peak" />
          <Reading label="Max momentary" unit="LUFS" readout="max-momentary" />
        </dl>
        <label className="meters-row">
          <span className="field-label">Target</span>
          <select
            className="meters-select"
            data-testid="loudness-target"
            value={loudnessTarget}
            onChange={(event) => store.getState().setLoudnessTarget(event.target.value as LoudnessTargetId)}
          >
            {LOUDNESS_TARGETS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <dl className="meters-list">
          <Reading
            label={targetInfo === undefined ? 'To target' : `To ${targetInfo.integratedLufs} LUFS, ${targetInfo.maxTruePeakDbtp} dBTP`}
            unit=""
            readout="target-offset"
            title="Integrated loudness minus the target (red: outside the target's tolerance)"
          />
          <Reading label="Gain to target" unit="" readout="target-gain" title="Gain that brings the integrated loudness onto the target (red: the true peak would then exceed the ceiling)" />
        </dl>
      </div>
    </section>
  );
}

function Reading({ label, unit, readout, title }: { label: string; unit: string; readout: string; title?: string | undefined }) {
  return (
    <div className="meters-reading" title={title}>
      <dt>{label}</dt>
      <dd>
        <span className="meters-value" data-readout={readout} data-testid={`meter-${readout}`}>
          --
        </span>
        {unit !== '' && <span className="meters-unit">{unit}</span>}
      </dd>
    </div>
  );
}
