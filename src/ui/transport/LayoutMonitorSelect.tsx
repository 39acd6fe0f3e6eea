import { useRef } from 'react';
import { monitorChoices } from '../../core/outputs/monitorOutputs';
import type { MonitorChoice } from '../../core/outputs/monitorOutputs';
import { isStudioOutputId } from '../../core/outputs/studioOutputs';
import { MAX_ROOM_LAYOUT_CHARS } from '../../state/slices/monitorSlice';
import type { StudioStore } from '../../state/studioStore';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

const GROUPS: readonly { readonly group: MonitorChoice['group']; readonly label: string }[] = [
  { group: 'loudspeakers', label: 'Loudspeakers' },
  { group: 'headphones', label: 'On headphones' },
  { group: 'downmix', label: 'Downmixes' },
];

/** The option that opens the room layout file picker instead of choosing a monitor. */
const LOAD_ROOM = 'load-room-layout';

/**
 * The monitor's loudspeaker choices (core/outputs/monitorOutputs.ts): every layout, each on
 * headphones, each layout's downmixes, and a room layout loaded from a file (a user layout,
 * core/userLayout.ts) on its loudspeakers and on headphones. A layout the device has too
 * few outputs for is refused (MonitorRefusalNotice says why and offers it on headphones);
 * a bad room file shows the reader's message and changes nothing.
 */
export function LayoutMonitorSelect() {
  const store = useStudioStoreApi();
  const outputId = useStudioStore((s) => s.monitor.outputId);
  const room = useStudioStore((s) => s.monitor.room?.layout ?? null);
  const picker = useRef<HTMLInputElement>(null);
  const choices = monitorChoices(room);
  return (
    <>
      <select
        className="monitor-layout"
        data-testid="monitor-layout"
        aria-label="Monitor a loudspeaker layout"
        title="Monitor a loudspeaker layout, a layout on headphones, or a layout's downmix; or load your room's layout"
        value={isStudioOutputId(outputId) ? '' : outputId}
        onChange={(event) => {
          const value = event.target.value;
          if (value === LOAD_ROOM) picker.current?.click();
          else if (value !== '') store.getState().setMonitorOutput(value);
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
        <option value={LOAD_ROOM}>Load room layout…</option>
      </select>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="room-layout-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void loadRoomLayoutFile(store, file);
        }}
      />
    </>
  );
}

/** Reads a room layout file (refused unread beyond MAX_ROOM_LAYOUT_CHARS bytes) and hands it to the store. */
async function loadRoomLayoutFile(store: StudioStore, file: File): Promise<void> {
  if (file.size > MAX_ROOM_LAYOUT_CHARS) {
    store.getState().showError(`${file.name}: ${file.size} bytes; a room layout file has at most ${MAX_ROOM_LAYOUT_CHARS}`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    store.getState().showError(`${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  store.getState().loadRoomLayout(file.name, text);
}
