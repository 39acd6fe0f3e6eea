export interface Segment<T> {
  readonly value: T;
  readonly label: string;
  readonly title?: string;
  readonly testId?: string;
}

export interface SegmentedControlProps<T> {
  readonly segments: readonly Segment<T>[];
  /** The pressed segment's value; null when none is pressed. */
  readonly selected: T | null;
  readonly onSelect: (value: T) => void;
  /** Accessible name of the group: its own text, or the id of a visible label. */
  readonly label?: string;
  readonly labelledBy?: string;
  readonly className?: string;
  readonly disabled?: boolean;
}

/** A row of mutually exclusive buttons (aria-pressed), e.g. the monitor format or the integration time. */
export function SegmentedControl<T extends string | number>({ segments, selected, onSelect, label, labelledBy, className = '', disabled = false }: SegmentedControlProps<T>) {
  return (
    <div className={`segmented ${className}`} role="group" aria-label={label} aria-labelledby={labelledBy}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          className="segment"
          data-testid={s.testId}
          aria-pressed={selected === s.value}
          title={s.title}
          disabled={disabled}
          onClick={() => onSelect(s.value)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
