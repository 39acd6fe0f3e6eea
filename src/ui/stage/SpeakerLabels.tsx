import { useShallow } from 'zustand/react/shallow';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { gainText, stageSpeakers } from './stageSpeakers';
import { useStageLabel } from './useStageLabel';

/** The monitored loudspeakers' labels on the stage, with the selected source's gain in each. */
export function SpeakerLabels() {
  const speakers = useStudioStore(
    useShallow((s) => stageSpeakers(s.monitor.outputId, s.monitor.room?.layout ?? null, s.stageGains, s.scene.listener.yawDeg + s.monitorHead.yawDeg).map((speaker) => `${speaker.label}\t${gainText(speaker.gainDb)}`)),
  );
  return (
    <>
      {speakers.map((entry) => {
        const [label, gain] = entry.split('\t') as [string, string];
        return <SpeakerLabel key={label} label={label} gain={gain} />;
      })}
    </>
  );
}

function SpeakerLabel({ label, gain }: { readonly label: string; readonly gain: string }) {
  const store = useStudioStoreApi();
  const ref = useStageLabel(() => {
    const s = store.getState();
    const speaker = stageSpeakers(s.monitor.outputId, s.monitor.room?.layout ?? null, s.stageGains, s.scene.listener.yawDeg + s.monitorHead.yawDeg).find((x) => x.label === label);
    return speaker === undefined ? null : { x: speaker.position.x, y: speaker.position.y + 0.3, z: speaker.position.z };
  });
  return (
    <div ref={ref} className="stage-label">
      <div className="speaker-label" data-testid={`stage-speaker-${label}`} data-gain={gain}>
        {label}
        {gain !== '' && <span className="speaker-gain">{gain}</span>}
      </div>
    </div>
  );
}
