import { STAGE_VIEW_ORDER, STAGE_VIEWS } from './stageMath';
import type { StageViewName } from './stageMath';

export interface ViewButtonsProps {
  readonly current: StageViewName;
  readonly onSelect: (name: StageViewName) => void;
}

/** Camera presets: perspective, top, front, side. */
export function ViewButtons({ current, onSelect }: ViewButtonsProps) {
  return (
    <div className="view-buttons segmented" role="group" aria-label="Camera view">
      {STAGE_VIEW_ORDER.map((name) => (
        <button
          key={name}
          type="button"
          className="segment"
          data-testid={`view-${name}`}
          aria-pressed={current === name}
          title={STAGE_VIEWS[name].title}
          onClick={() => onSelect(name)}
        >
          {STAGE_VIEWS[name].label}
        </button>
      ))}
    </div>
  );
}
