import { useState } from 'react';
import type { MonitorChoice } from '../../core/outputs/monitorOutputs';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { outputUsesDownmixLevels } from '../../core/outputs/downmixLevelSettings';
import { DownmixLevelsControl } from '../transport/DownmixLevelsControl';
import { fileDescription, groupOf } from './layoutExports';
import type { LayoutExportGroup } from './layoutExports';

export interface ExportLayoutsProps {
  /** Every layout's outputs (layoutExports.ts), the room's with a room loaded. */
  readonly groups: readonly LayoutExportGroup[];
  /** The layout outputs chosen, by output id, over all layouts. */
  readonly chosen: readonly string[];
  readonly onChosen: (chosen: readonly string[]) => void;
  readonly disabled: boolean;
}

/**
 * The Export dialog's "Loudspeakers" group, compact: a layout list (the monitor's), and
 * for the layout shown a checkbox for its speaker feeds, for it on headphones and for each
 * of its downmixes, each saying how its file is written (channels, WAVE mask), and the
 * session's downmix levels (the Lo/Ro and Lt/Rt files are made with them). Choices
 * stay when another layout is shown; a line lists every output chosen.
 */
export function ExportLayouts({ groups, chosen, onChosen, disabled }: ExportLayoutsProps) {
  const monoLaw = useStudioStore((s) => s.monitor.monoLaw);
  const room = useStudioStore((s) => s.monitor.room?.layout ?? null);
  const [shownId, setShownId] = useState(() => (chosen.length > 0 ? groupOf(groups, chosen[0]!)?.layout.id : undefined) ?? groups[0]?.layout.id ?? '');
  const shown = groups.find((group) => group.layout.id === shownId) ?? groups[0];
  if (shown === undefined) return null;

  const toggle = (id: string): void => onChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const option = (choice: MonitorChoice, label: string) => (
    <label key={choice.id} className="export-option">
      <input type="checkbox" data-testid={`export-output-${choice.id}`} checked={chosen.includes(choice.id)} onChange={() => toggle(choice.id)} />
      {label}
      <span className="export-hint">{fileDescription(choice.id, monoLaw, room)}</span>
    </label>
  );
  const chosenLabels = groups.flatMap((group) => [group.layout, ...(group.headphones === null ? [] : [group.headphones]), ...group.downmixes]).filter((choice) => chosen.includes(choice.id));

  return (
    <fieldset className="export-group" disabled={disabled} data-testid="export-layouts">
      <legend>Loudspeakers</legend>
      <select
        className="export-layout"
        data-testid="export-layout"
        aria-label="Layout to export"
        value={shown.layout.id}
        onChange={(event) => setShownId(event.target.value)}
      >
        {groups.map((group) => (
          <option key={group.layout.id} value={group.layout.id}>
            {group.layout.label}
          </option>
        ))}
      </select>
      {option(shown.layout, 'Speaker feeds')}
      {shown.headphones !== null && option(shown.headphones, 'On headphones (binaural)')}
      {shown.downmixes.map((downmix) => option(downmix, downmix.label))}
      {shown.downmixes.some((downmix) => outputUsesDownmixLevels(downmix.id)) && <DownmixLevelsControl testIdPrefix="export-downmix" className="export-downmix-levels" />}
      {chosenLabels.length > 0 && (
        <p className="export-note" data-testid="export-layout-chosen">
          Chosen: {chosenLabels.map((choice) => choice.label).join(', ')}
        </p>
      )}
    </fieldset>
  );
}
