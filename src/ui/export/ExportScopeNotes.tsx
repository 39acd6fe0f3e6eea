import { useShallow } from 'zustand/react/shallow';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { ExportRadio } from './ExportRadio';
import type { SoloChoice } from './exportSettings';
import { inWords, monitorOnlySettings, soloedSourceNames } from './exportScope';
import { LayoutScopeNote } from './LayoutScopeNote';

export interface ExportScopeNotesProps {
  readonly solos: SoloChoice;
  readonly onSolos: (solos: SoloChoice) => void;
  readonly disabled: boolean;
  /** The ADM BWF master is asked for: say what it bakes and what it leaves out. */
  readonly admMaster?: boolean;
  /** The loudspeaker outputs asked for (layouts, on headphones, downmixes): say what their files hold. */
  readonly layoutIds?: readonly string[];
}

const SOLO_CHOICES: readonly { value: SoloChoice; label: string; hint: string; testId: string }[] = [
  { value: 'as-soloed', label: 'Export as soloed', hint: 'only the soloed sources', testId: 'export-solo-as-soloed' },
  { value: 'full-mix', label: 'Export the full mix (ignore solos)', hint: 'the scene keeps its solos', testId: 'export-solo-full-mix' },
];

/**
 * Before an export starts, what it will and will not contain (exportScope.ts): with
 * sources soloed, the choice between the export as soloed and the full mix; with
 * monitor-only settings active, that they are heard now but never exported; with layouts,
 * what their files hold; with the ADM master, what it bakes. Nothing when
 * the export is simply the mix that is heard. Follows the store (solos may change while
 * the dialog is open) without re-rendering on edits that change neither list.
 */
export function ExportScopeNotes({ solos, onSolos, disabled, admMaster = false, layoutIds = [] }: ExportScopeNotesProps) {
  const soloed = useStudioStore(useShallow((s) => soloedSourceNames(s.scene)));
  const monitorOnly = useStudioStore(useShallow((s) => monitorOnlySettings(s)));
  const sampleRateHz = useStudioStore((s) => s.scene.sampleRateHz);
  const masterMidSide = useStudioStore((s) => s.scene.master?.midSide !== undefined);

  return (
    <>
      {soloed.length > 0 && (
        <fieldset className="export-group" disabled={disabled} data-testid="export-solo-choice">
          <legend>Solo</legend>
          <p className="export-note" data-testid="export-solo-note">
            Solo is on for {inWords(soloed)}: as soloed, the files hold only {soloed.length === 1 ? 'that source' : 'those sources'}.
          </p>
          {SOLO_CHOICES.map((choice) => (
            <ExportRadio
              key={choice.value}
              name="export-solos"
              testId={choice.testId}
              checked={solos === choice.value}
              onSelect={() => onSolos(choice.value)}
              label={choice.label}
              hint={choice.hint}
            />
          ))}
        </fieldset>
      )}
      {monitorOnly.length > 0 && (
        <p className="export-note" data-testid="export-monitor-note">
          Heard now but never exported: {inWords(monitorOnly)}. The files hold the mix itself, facing the Scene rotation.
        </p>
      )}
      {layoutIds.length > 0 && <LayoutScopeNote layoutIds={layoutIds} />}
      {admMaster && (
        <p className="export-note" data-testid="export-adm-note">
          The ADM BWF master holds each audible object's signal as the renderer feeds it, with its mid/side, gain, distance level and air absorption baked in (ADM has
          no distance model); a stereo stem is two objects, L and R; positions are the directions heard (Scene rotation applied) as ADM Cartesian positions; timelines
          become blocks; beds are on their ITU-R BS.2094 loudspeaker packs with their gain baked; HOA stems are on HOA packs as they are, their gain as the object's
          (the Dolby Atmos master profile has no HOA: such a master is for a BS.2127 renderer); muted sources, and those a solo silences, are left out.
          {masterMidSide ? ' The master mid/side is not in it (it acts on stereo and binaural only).' : ''} Masters are 48 kHz, 24-bit
          {sampleRateHz === 48000 ? '.' : `: this scene is at ${sampleRateHz} Hz, so the master is refused (it is never resampled).`}
        </p>
      )}
    </>
  );
}
