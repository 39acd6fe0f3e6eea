import { useCallback } from 'react';
import { useStudioStoreApi } from '../state/StudioStoreProvider';
import { AudioStartBanner } from './AudioStartBanner';
import { EngineStatusBadge } from './EngineStatusBadge';
import { ErrorBanner } from './ErrorBanner';
import { DropOverlay } from './files/DropOverlay';
import { openDroppedFiles } from './files/openFiles';
import { useFileDrop } from './files/useFileDrop';
import { Mixer } from './mixer/Mixer';
import { Notices } from './Notices';
import { MonitorRefusalNotice } from './transport/MonitorRefusalNotice';
import type { StageProbe } from './stage/stageProbe';
import { ConfirmDialog } from './session/ConfirmDialog';
import { SaveProblemNotice } from './session/SaveProblemNotice';
import { SessionBar } from './session/SessionBar';
import { SideColumn } from './SideColumn';
import { Stage } from './stage/Stage';
import { StemIssues } from './stems/StemIssues';
import { MonitorHeadControl } from './transport/MonitorHeadControl';
import { MonitorSelector } from './transport/MonitorSelector';
import { TransportBar } from './transport/TransportBar';
import { useAudioStartOnGesture } from './useAudioStartOnGesture';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export interface AppProps {
  /** Receives the stage's probe for browser tests (see main.tsx, window.__studio). */
  readonly onStageProbe?: (probe: StageProbe | null) => void;
}

/**
 * The studio: transport and monitoring on top, the session's files below them, the stage
 * in the centre (with the notices above it, never over it), the inspector and the analysis panels on the right, the mixer below.
 * Files dropped anywhere on the page are added as stems (or opened, for a scene).
 */
export function App({ onStageProbe }: AppProps) {
  const store = useStudioStoreApi();
  useKeyboardShortcuts(store);
  useAudioStartOnGesture(store);
  const dragging = useFileDrop(useCallback((files: File[]) => void openDroppedFiles(store, files), [store]));

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-label="Spatial Mix Studio">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Spatial Mix Studio</span>
        </div>
        <TransportBar />
        <MonitorSelector />
        <MonitorHeadControl />
        <EngineStatusBadge />
      </header>
      <SessionBar />
      <main className="workspace">
        <div className="stage-area">
          <div className="stage-notices">
            <SaveProblemNotice />
            <ErrorBanner />
            <Notices />
            <MonitorRefusalNotice />
            <StemIssues />
          </div>
          <div className="stage-frame">
            <AudioStartBanner />
            <Stage {...(onStageProbe === undefined ? {} : { onProbe: onStageProbe })} />
          </div>
        </div>
        <SideColumn />
      </main>
      <Mixer />
      {dragging && <DropOverlay />}
      <ConfirmDialog />
    </div>
  );
}
