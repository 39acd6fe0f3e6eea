import { useStudioStoreApi } from '../state/StudioStoreProvider';
import { AudioStartBanner } from './AudioStartBanner';
import { EngineStatusBadge } from './EngineStatusBadge';
import { Inspector } from './inspector/Inspector';
import { Mixer } from './mixer/Mixer';
import type { StageProbe } from './stage/stageProbe';
import { Stage } from './stage/Stage';
import { ListenerYawControl } from './transport/ListenerYawControl';
import { MonitorSelector } from './transport/MonitorSelector';
import { TransportBar } from './transport/TransportBar';
import { useAudioStartOnGesture } from './useAudioStartOnGesture';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export interface AppProps {
  /** Receives the stage's probe for browser tests (see main.tsx, window.__studio). */
  readonly onStageProbe?: (probe: StageProbe | null) => void;
}

/** The studio: transport and monitoring on top, the stage in the centre, the inspector on the right, the mixer below. */
export function App({ onStageProbe }: AppProps) {
  const store = useStudioStoreApi();
  useKeyboardShortcuts(store);
  useAudioStartOnGesture(store);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-label="Spatial Mix Studio">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Spatial Mix Studio</span>
        </div>
        <TransportBar />
        <MonitorSelector />
        <ListenerYawControl />
        <EngineStatusBadge />
      </header>
      <main className="workspace">
        <div className="stage-area">
          <AudioStartBanner />
          <Stage {...(onStageProbe === undefined ? {} : { onProbe: onStageProbe })} />
        </div>
        <Inspector />
      </main>
      <Mixer />
    </div>
  );
}
