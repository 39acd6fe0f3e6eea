import { useStudioStore } from '../../state/StudioStoreProvider';
import { fileChannelLabels, layoutExportGroups } from './layoutExports';

export interface LayoutScopeNoteProps {
  /** The loudspeaker outputs asked for: layouts (`7.1.4`, `room`), `binaural-<layout>`, `<layout>-to-<downmix>`. */
  readonly layoutIds: readonly string[];
}

/**
 * What a layout's file holds, for the Export dialog: its speaker feeds (objects, beds,
 * HOA stems; the LFE), each chosen layout's channel order in its file, and what its
 * headphone rendering and its downmixes do with the LFE.
 */
export function LayoutScopeNote({ layoutIds }: LayoutScopeNoteProps) {
  const monoLaw = useStudioStore((s) => s.monitor.monoLaw);
  const room = useStudioStore((s) => s.monitor.room?.layout ?? null);
  const layouts = layoutExportGroups(room)
    .map((group) => group.layout.id)
    .filter((id) => layoutIds.includes(id));
  return (
    <p className="export-note" data-testid="export-layout-note">
      A layout&apos;s file holds one channel per loudspeaker: the objects panned as BS.2127 pans them, each bed on its loudspeakers (DirectSpeakers), each HOA stem decoded
      to the layout; the LFE channel carries the beds&apos; LFE only (objects and HOA stems never feed it). Channels are in the file&apos;s WAVE order (by increasing
      speaker bit, as the command line writes them; a layout with no bit per loudspeaker in BS.2051 order, mask 0)
      {layouts.length === 0 ? '.' : ': '}
      {layouts.map((id, k) => (
        <span key={id} data-testid={`export-layout-order-${id}`}>
          {k > 0 ? '; ' : ''}
          {id} {fileChannelLabels(id, monoLaw, room).join(' ')}
          {k === layouts.length - 1 ? '.' : ''}
        </span>
      ))}{' '}
      On headphones, each loudspeaker goes through the HRTF at its position, the LFE dropped. The 5.1 downmix keeps the LFE; Lo/Ro, Lt/Rt (centre and surrounds at -3
      dB) and mono drop it.
    </p>
  );
}
