import { Component } from 'react';
import type { ReactNode } from 'react';

export interface StageErrorBoundaryProps {
  readonly children?: ReactNode;
}

interface StageErrorBoundaryState {
  readonly message: string | null;
}

/** Keeps the studio usable when WebGL cannot start: the panels still work, the stage explains. */
export class StageErrorBoundary extends Component<StageErrorBoundaryProps, StageErrorBoundaryState> {
  override state: StageErrorBoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): StageErrorBoundaryState {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message !== null) {
      return (
        <div className="stage-error" role="alert" data-testid="stage-error">
          <strong>The 3D stage could not start.</strong>
          <span>WebGL is not available here ({this.state.message}). The mixer and inspector still work.</span>
        </div>
      );
    }
    return this.props.children;
  }
}
