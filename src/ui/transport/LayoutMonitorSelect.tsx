import { monitorChoices } from '../../core/outputs/monitorOutputs';
import type { MonitorChoice } from '../../core/outputs/monitorOutputs';
import { isStudioOutputId } from '../../core/outputs/studioOutputs';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

const GROUPS: readonly { readonly group: MonitorChoice['group']; readonly label: string }[] = [
  { group: 'loudspeakers', label: 'Loudspeakers' },
  { group: 'headphones', label: 'On headphones' },
  { group: 'downmix', label: 'Downmixes' },
];

/**
 * The monitor's loudspeaker choices (core/outputs/monitorOutputs.ts): every layout, each on
 * headphones, each layout's downmixes. A layout the device has too few outputs for is
 * refused (MonitorRefusalNotice says why and offers it on headphones).
 */
export function LayoutMonitorSelect() {
  const store = useStudioStoreApi();
  const outputId = useStudioStore((s) => s.monitor.outputId);
  const choices = monitorChoices();
  return (
    <select
      className="monitor-layout"
      data-testid="monitor-layout"
      aria-label="Monitor a loudspeaker layout"
      title="Monitor a loudspeaker layout, a layout on headphones, or a layout's downmix"
      value={isStudioOutputId(outputId) ? '' : outputId}
      onChange={(event) => {
        if (event.target.value !== '') store.getState().setMonitorOutput(event.target.value);
      }}
    >
      <option value="">Layout…</option>
      {GROUPS.map(({ group, label }) => (
        <optgroup key={group} label={label}>
          {choices
            .filter((choice) => choice.group === group)
            .map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
