import { useEffect, useMemo, useRef } from 'react';
import { monitorOutput } from '../../core/outputs/monitorOutputs';
import { monitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

/** The meters' floor, dBFS (as the mixer's, DESIGN.md section 4). */
const FLOOR_DB = -60;

function meterFraction(linear: number): number {
  if (!(linear > 0)) return 0;
  return Math.max(0, Math.min(1, (20 * Math.log10(linear) - FLOOR_DB) / -FLOOR_DB));
}

/**
 * A meter per loudspeaker channel of the monitored layout (peak and RMS over the host's
 * last meter period, from the shared meter area) with a solo each: the solo plays that
 * channel alone (monitor only: never in the scene, an export or the undo history). Bars
 * are written by an animation-frame loop, not by React renders.
 */
export function SpeakerMeters() {
  const store = useStudioStoreApi();
  const engine = useStudioStore((s) => s.engine);
  const outputId = useStudioStore((s) => s.monitor.outputId);
  const room = useStudioStore((s) => s.monitor.room?.layout ?? null);
  const solo = useStudioStore((s) => s.speakerSolo);
  const speakers = useMemo(() => monitoredSpeakers(monitorOutput(outputId, '-3dB', room))?.speakers ?? [], [outputId, room]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (engine === null || speakers.length === 0) return;
    let frame = requestAnimationFrame(function draw() {
      frame = requestAnimationFrame(draw);
      const meters = engine.readMeters();
      const rows = root.current?.querySelectorAll<HTMLElement>('[data-speaker-row]');
      if (meters === null || rows === undefined) return;
      rows.forEach((row, c) => {
        const active = c < meters.speakerCount;
        const peak = active ? meters.speakerPeak[c]! : 0;
        const rms = active ? meters.speakerRms[c]! : 0;
        row.querySelector<HTMLElement>('[data-bar="rms"]')!.style.width = `${100 * meterFraction(rms)}%`;
        row.querySelector<HTMLElement>('[data-bar="peak"]')!.style.left = `${100 * meterFraction(peak)}%`;
        row.dataset.peakDb = peak > 0 ? (20 * Math.log10(peak)).toFixed(1) : '-inf';
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [engine, speakers]);

  if (speakers.length === 0) return null;
  return (
    <div className="meters-section" ref={root} data-testid="speaker-meters">
      <h2 className="panel-title">Loudspeakers</h2>
      {speakers.map((speaker, c) => (
        <div key={speaker.label} className="speaker-meter-row" data-speaker-row={c} data-testid={`speaker-meter-${speaker.label}`}>
          <span className="speaker-meter-label">{speaker.label}</span>
          <div className="speaker-meter-track" role="presentation">
            <div className="speaker-meter-rms" data-bar="rms" />
            <div className="speaker-meter-peak" data-bar="peak" />
          </div>
          <button
            type="button"
            className="toggle small"
            aria-pressed={solo === speaker.label}
            data-testid={`speaker-solo-${speaker.label}`}
            title={`Hear ${speaker.label} alone (monitoring only)`}
            onClick={() => store.getState().setSpeakerSolo(solo === speaker.label ? null : speaker.label)}
          >
            S
          </button>
        </div>
      ))}
    </div>
  );
}
