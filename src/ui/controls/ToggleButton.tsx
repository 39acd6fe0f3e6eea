import type { ReactNode } from 'react';

export interface ToggleButtonProps {
  readonly testId: string;
  readonly label: string;
  readonly pressed: boolean;
  readonly onToggle: () => void;
  /** Colour role when pressed: 'mute', 'solo', 'accent'. */
  readonly tone?: 'mute' | 'solo' | 'accent';
  readonly className?: string;
  readonly title?: string;
  readonly children?: ReactNode;
}

/** A button with an on/off state (aria-pressed), e.g. mute, solo, loop. */
export function ToggleButton({ testId, label, pressed, onToggle, tone = 'accent', className = '', title, children }: ToggleButtonProps) {
  return (
    <button
      type="button"
      className={`toggle toggle-${tone} ${className}`}
      data-testid={testId}
      aria-label={label}
      aria-pressed={pressed}
      title={title ?? label}
      onClick={onToggle}
    >
      {children ?? label}
    </button>
  );
}
