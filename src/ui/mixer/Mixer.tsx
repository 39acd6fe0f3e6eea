import { useCallback, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sceneStrips } from '../../core/scene/scene';
import { useStudioStore } from '../../state/StudioStoreProvider';
import { MasterStrip } from './MasterStrip';
import { MixerStrip } from './MixerStrip';
import { useMeterLoop } from './useMeterLoop';
import { useSidewaysWheel } from './useSidewaysWheel';

export interface MixerProps {
  readonly className?: string;
}

/**
 * Every source as a compact strip, then every bed and HOA stem, then the master; one animation-frame loop drives all
 * the level meters. The strips scroll sideways (scroll bar, mouse wheel, or Tab to a
 * strip's control) so every strip is reachable; the master stays in view.
 */
export function Mixer({ className = '' }: MixerProps) {
  const ids = useStudioStore(useShallow((s) => sceneStrips(s.scene).map((strip) => strip.id)));
  const bedCount = useStudioStore((s) => s.scene.beds?.length ?? 0);
  const hoaCount = useStudioStore((s) => s.scene.ambisonics?.length ?? 0);
  const meters = useRef(new Map<string, HTMLElement>());
  const registerMeter = useCallback((id: string, element: HTMLElement | null) => {
    if (element === null) meters.current.delete(id);
    else meters.current.set(id, element);
  }, []);
  useMeterLoop(meters.current);
  const stripsRef = useRef<HTMLDivElement>(null);
  useSidewaysWheel(stripsRef, ids.length > 0);

  return (
    <section className={`panel mixer ${className}`} aria-label="Mixer">
      <h2 className="panel-title mixer-title">
        Mixer{' '}
        <span className="panel-count">
          {ids.length - bedCount - hoaCount} sources{bedCount > 0 ? `, ${bedCount} ${bedCount === 1 ? 'bed' : 'beds'}` : ''}
          {hoaCount > 0 ? `, ${hoaCount} HOA ${hoaCount === 1 ? 'stem' : 'stems'}` : ''}
        </span>
      </h2>
      <div className="mixer-row">
        {ids.length === 0 ? (
          <p className="empty-note">No sources yet: open a scene or drop stems.</p>
        ) : (
          <div ref={stripsRef} className="strips" role="list" data-testid="source-list">
            {ids.map((id) => (
              <MixerStrip key={id} sourceId={id} registerMeter={registerMeter} />
            ))}
          </div>
        )}
        <MasterStrip />
      </div>
    </section>
  );
}
