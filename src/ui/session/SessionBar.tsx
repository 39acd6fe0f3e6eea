import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { serializeScene } from '../../core/scene/sceneWrite';
import { FilePickerButton } from '../controls/FilePickerButton';
import { downloadBlob } from '../files/download';
import { MASTER_FILE_ACCEPT, SCENE_FILE_ACCEPT, STEM_FILE_ACCEPT } from '../files/droppedFiles';
import { openDroppedFiles, openMasterFile, openSceneFile } from '../files/openFiles';
import { ExportMenu } from '../export/ExportMenu';
import { SessionsMenu } from './SessionsMenu';
import { StemProgress } from './StemProgress';

export interface SessionBarProps {
  readonly className?: string;
}

/** The session's files: add stems, open and save the scene, open an ADM BWF master, export, the stored sessions, start a new session. */
export function SessionBar({ className = '' }: SessionBarProps) {
  const store = useStudioStoreApi();
  const sceneName = useStudioStore((s) => s.sceneName);

  const saveScene = (): void => {
    const { scene, sceneName: name } = store.getState();
    downloadBlob(`${name}.json`, new Blob([serializeScene(scene)], { type: 'application/json' }));
  };

  return (
    <div className={`sessionbar ${className}`} role="toolbar" aria-label="Session">
      <FilePickerButton
        testId="stems-add"
        inputTestId="stems-add-input"
        accept={STEM_FILE_ACCEPT}
        multiple
        title="Add audio files (WAV, FLAC, MP3) as new sources; you can also drop them on the page"
        onFiles={(files) => void openDroppedFiles(store, files)}
      >
        Add stems
      </FilePickerButton>
      <span className="bar-divider" aria-hidden="true" />
      <FilePickerButton
        testId="scene-open"
        inputTestId="scene-open-input"
        accept={SCENE_FILE_ACCEPT}
        title="Open a scene file (.json); stems it names are matched to the files you add"
        onFiles={([file]) => file !== undefined && void openSceneFile(store, file)}
      >
        Open scene
      </FilePickerButton>
      <FilePickerButton
        testId="master-open"
        inputTestId="master-open-input"
        accept={MASTER_FILE_ACCEPT}
        title="Open an ADM BWF master (.wav with ADM metadata) as a new session: its objects, beds and timelines, its tracks as stems; you can also drop it on the page"
        onFiles={([file]) => file !== undefined && void openMasterFile(store, file)}
      >
        Open master
      </FilePickerButton>
      <button type="button" className="bar-button" data-testid="scene-save" title={`Download the scene as ${sceneName}.json`} onClick={saveScene}>
        Save scene
      </button>
      <ExportMenu />
      <span className="scene-name" data-testid="scene-name" title="The session's name (rename it under Sessions…)">
        {sceneName}
      </span>
      <StemProgress />
      <SessionsMenu />
      <button
        type="button"
        className="bar-button bar-button-quiet"
        data-testid="session-reset"
        title="Start a new session from the demo; this one stays under Sessions…"
        onClick={() => void store.getState().startNewSession()}
      >
        New session (demo)
      </button>
    </div>
  );
}
