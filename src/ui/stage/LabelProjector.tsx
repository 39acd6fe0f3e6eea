import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { StageLabelRegistry } from './stageLabels';

export interface LabelProjectorProps {
  readonly registry: StageLabelRegistry;
}

/** Inside the canvas: moves the DOM labels to their anchors' screen positions at every rendered frame. */
export function LabelProjector({ registry }: LabelProjectorProps) {
  const invalidate = useThree((s) => s.invalidate);
  useFrame(({ camera, size }) => registry.project(camera, size.width, size.height));
  // Labels mounted after the first frame need one more frame to be placed.
  useEffect(() => invalidate());
  return null;
}
