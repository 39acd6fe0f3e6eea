import type { ReactNode } from 'react';
import { useStudioStore, useStudioStoreApi } from '../state/StudioStoreProvider';
import { DeliveryCheckPanel } from './delivery/DeliveryCheckPanel';
import { Inspector } from './inspector/Inspector';
import { MetersPanel } from './meters/MetersPanel';
import { MonoCheckPanel } from './monocheck/MonoCheckPanel';

interface SideTab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/** The panels of the right-hand column; one is shown at a time. */
const SIDE_TABS: readonly SideTab[] = [
  { id: 'source', label: 'Source', render: () => <Inspector /> },
  { id: 'meters', label: 'Meters', render: () => <MetersPanel /> },
  { id: 'mono', label: 'Mono check', render: () => <MonoCheckPanel /> },
  { id: 'delivery', label: 'Delivery', render: () => <DeliveryCheckPanel /> },
];

/**
 * The right-hand column: the source inspector and the analysis panels, as tabs. Panels
 * that are not shown are unmounted, so their animation loops stop. The tab shown is the
 * session's (SessionSlice.sidePanel), saved and restored with it.
 */
export function SideColumn() {
  const store = useStudioStoreApi();
  const shown = useStudioStore((s) => s.sidePanel);
  const tab = SIDE_TABS.find((t) => t.id === shown) ?? SIDE_TABS[0]!;
  return (
    <div className="side-column">
      <div className="side-tabs" role="tablist" aria-label="Side panels">
        {SIDE_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={t.id === tab.id}
            className={t.id === tab.id ? 'side-tab active' : 'side-tab'}
            data-testid={`side-tab-${t.id}`}
            onClick={() => store.getState().setSidePanel(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-panel" role="tabpanel" aria-labelledby={`side-tab-${tab.id}`}>
        {tab.render()}
      </div>
    </div>
  );
}
