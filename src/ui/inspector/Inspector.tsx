import { useShallow } from 'zustand/react/shallow';
import { findSource } from '../../state/sceneEdits';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { ToggleButton } from '../controls/ToggleButton';
import { CartesianPositionFields } from './CartesianPositionFields';
import { ColorPicker } from './ColorPicker';
import { ExtentFields } from './ExtentFields';
import { GainControl } from './GainControl';
import { MidSideSection } from './MidSideSection';
import { NameField } from './NameField';
import { PositionFields } from './PositionFields';
import { SpreadField } from './SpreadField';

export interface InspectorProps {
  readonly className?: string;
}

/**
 * The selected source's settings. Re-renders only when the selection or a discrete field
 * (name, colour, mute, solo, stem) changes; the numeric fields follow the store on their own.
 */
export function Inspector({ className = '' }: InspectorProps) {
  const store = useStudioStoreApi();
  const info = useStudioStore(
    useShallow((s) => {
      const source = findSource(s.scene, s.selectedSourceId);
      if (source === undefined) return null;
      return {
        id: source.id,
        name: source.name,
        color: source.color ?? '#8899aa',
        mute: source.mute,
        solo: source.solo,
        stem: source.stem,
        channels: s.stemChannels[source.id],
        cartesian: source.cartesianPosition !== undefined,
      };
    }),
  );

  if (info === null) {
    return (
      <aside className={`panel inspector ${className}`} aria-label="Inspector" data-testid="inspector">
        <h2 className="panel-title">Inspector</h2>
        <p className="empty-note" data-testid="inspector-empty">
          Select a source on the stage or in the mixer to edit it.
        </p>
        <ShortcutHelp />
      </aside>
    );
  }

  const { id } = info;
  const stemLabel = info.stem.kind === 'file' ? info.stem.file : `generator: ${info.stem.generator}`;
  const channelsLabel = info.channels === undefined ? 'not loaded' : info.channels === 1 ? 'mono' : info.channels === 2 ? 'stereo' : `${info.channels} ch`;

  return (
    <aside className={`panel inspector ${className}`} aria-label="Inspector" data-testid="inspector">
      <h2 className="panel-title">
        <span className="swatch" style={{ background: info.color }} aria-hidden="true" />
        Inspector
      </h2>
      {/* Keyed by source: a field being typed in never commits to the next selected source. */}
      <div key={id} className="inspector-body">
        <NameField sourceId={id} name={info.name} />
        <p className="stem-note" title={stemLabel}>
          {stemLabel} · {channelsLabel}
        </p>

        <section className="inspector-section" aria-label="Level">
          <h3 className="section-title">Level</h3>
          <GainControl sourceId={id} />
          <div className="button-row">
            <ToggleButton testId="inspector-mute" label="Mute" tone="mute" pressed={info.mute} onToggle={() => store.getState().toggleMute(id)} title="Mute (M)">
              M
            </ToggleButton>
            <ToggleButton testId="inspector-solo" label="Solo" tone="solo" pressed={info.solo} onToggle={() => store.getState().toggleSolo(id)} title="Solo (S)">
              S
            </ToggleButton>
          </div>
        </section>

        <section className="inspector-section" aria-label="Position">
          <h3 className="section-title">
            Position <span className="section-hint">{info.cartesian ? 'ADM Cartesian: X + = right, Y + = front, Z + = up' : 'ADM: azimuth + = left'}</span>
          </h3>
          {info.cartesian ? <CartesianPositionFields sourceId={id} /> : <PositionFields sourceId={id} />}
        </section>

        <section className="inspector-section" aria-label="Width">
          <h3 className="section-title">Width</h3>
          <SpreadField sourceId={id} stereo={info.channels === 2} loaded={info.channels !== undefined} />
        </section>

        <section className="inspector-section" aria-label="Extent">
          <h3 className="section-title">
            Extent <span className="section-hint">ADM width, height, depth</span>
          </h3>
          <ExtentFields sourceId={id} />
        </section>

        <MidSideSection sourceId={id} sourceName={info.name} channels={info.channels} />

        <section className="inspector-section" aria-label="Colour">
          <h3 className="section-title">Colour</h3>
          <ColorPicker sourceId={id} color={info.color} />
        </section>

        <button
          type="button"
          className="danger-button"
          data-testid="inspector-remove"
          onClick={() => store.getState().removeSource(id)}
          title="Remove this source (Delete); Ctrl+Z brings it back"
        >
          Remove source
        </button>
      </div>
    </aside>
  );
}

function ShortcutHelp() {
  const rows: readonly [string, string][] = [
    ['Space', 'play / pause'],
    ['M / S', 'mute / solo'],
    ['← →', 'azimuth ±1°'],
    ['↑ ↓', 'distance ±0.1 m'],
    ['Shift ↑ ↓', 'elevation ±1°'],
    ['Shift + drag', 'height on the stage'],
    ['Delete', 'remove source'],
    ['Ctrl Z', 'undo'],
    ['Ctrl Shift Z', 'redo'],
  ];
  return (
    <dl className="shortcut-help" aria-label="Keyboard shortcuts">
      {rows.map(([keys, action]) => (
        <div key={keys} className="shortcut-row">
          <dt>
            <kbd>{keys}</kbd>
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}
