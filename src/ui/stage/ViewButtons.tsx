import { SegmentedControl } from '../controls/SegmentedControl';
import { STAGE_VIEW_ORDER, STAGE_VIEWS } from './stageMath';
import type { StageViewName } from './stageMath';

export interface ViewButtonsProps {
  readonly current: StageViewName;
  readonly onSelect: (name: StageViewName) => void;
}

const VIEW_SEGMENTS = STAGE_VIEW_ORDER.map((name) => ({ value: name, label: STAGE_VIEWS[name].label, title: STAGE_VIEWS[name].title, testId: `view-${name}` }));

/** Camera presets: perspective, top, front, side. */
export function ViewButtons({ current, onSelect }: ViewButtonsProps) {
  return <SegmentedControl segments={VIEW_SEGMENTS} selected={current} label="Camera view" className="view-buttons" onSelect={onSelect} />;
}
