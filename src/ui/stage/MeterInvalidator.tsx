import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useStudioStore } from '../../state/StudioStoreProvider';

/**
 * Requests a frame for every meter frame the engine sends (about 30 per second while
 * playing), so the level glow animates under frameloop "demand" and an idle stage draws nothing.
 */
export function MeterInvalidator() {
  const engine = useStudioStore((s) => s.engine);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (engine === null) return undefined;
    return engine.onMeters(() => invalidate());
  }, [engine, invalidate]);
  return null;
}
