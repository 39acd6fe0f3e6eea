import { useStudioStoreApi } from '../../state/StudioStoreProvider';
import { FilePickerButton } from '../controls/FilePickerButton';
import { STEM_FILE_ACCEPT } from '../files/droppedFiles';

export interface RelinkButtonProps {
  readonly sourceId: string;
  /** The name the scene expects; the chosen file is kept under it. */
  readonly fileName: string;
}

/** "Relink…": pick the audio file for a source's stem (input data-testid `relink-<sourceId>`). */
export function RelinkButton({ sourceId, fileName }: RelinkButtonProps) {
  const store = useStudioStoreApi();
  return (
    <FilePickerButton
      testId={`relink-button-${sourceId}`}
      inputTestId={`relink-${sourceId}`}
      accept={STEM_FILE_ACCEPT}
      className="bar-button small"
      title={`Choose the audio file for ${fileName}`}
      onFiles={([file]) => file !== undefined && store.getState().relinkStem(sourceId, file)}
    >
      Relink…
    </FilePickerButton>
  );
}
