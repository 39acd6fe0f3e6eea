import { useEffect, useRef } from 'react';
import { useStudioStoreApi } from '../../state/StudioStoreProvider';

export interface ColorPickerProps {
  readonly sourceId: string;
  readonly color: string;
}

/** Distinct colours that read well on the dark stage. */
export const SOURCE_PALETTE: readonly string[] = [
  '#ff6b6b', '#ffa94d', '#ffd43b', '#8ce99a', '#38d9a9', '#4dabf7', '#748ffc', '#b197fc', '#f783ac', '#ced4da',
];

/** Palette swatches plus the system colour picker (one undo step per pick). */
export function ColorPicker({ sourceId, color }: ColorPickerProps) {
  const store = useStudioStoreApi();
  const inputRef = useRef<HTMLInputElement>(null);

  // The native "change" event fires once when the picker closes ("input" fires while picking).
  useEffect(() => {
    const input = inputRef.current;
    if (input === null) return;
    const onChange = (): void => store.getState().setColor(sourceId, input.value);
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [store, sourceId]);

  useEffect(() => {
    if (inputRef.current !== null) inputRef.current.value = color;
  }, [color]);

  return (
    <div className="color-picker" role="group" aria-label="Source colour">
      {SOURCE_PALETTE.map((swatch) => (
        <button
          key={swatch}
          type="button"
          className="swatch-button"
          data-testid={`inspector-color-${swatch.slice(1)}`}
          aria-label={`Colour ${swatch}`}
          aria-pressed={swatch === color.toLowerCase()}
          style={{ background: swatch }}
          onClick={() => store.getState().setColor(sourceId, swatch)}
        />
      ))}
      <input ref={inputRef} type="color" className="color-input" data-testid="inspector-color" aria-label="Custom colour" defaultValue={color} />
    </div>
  );
}
