export interface ExportRadioProps {
  /** The radio group's name. */
  readonly name: string;
  readonly testId: string;
  readonly checked: boolean;
  readonly onSelect: () => void;
  readonly label: string;
  /** A short grey note after the label; none when empty. */
  readonly hint?: string;
}

/** One choice of an Export dialog group (bit depth, solos): a radio button, its label and a hint. */
export function ExportRadio({ name, testId, checked, onSelect, label, hint = '' }: ExportRadioProps) {
  return (
    <label className="export-option">
      <input type="radio" name={name} data-testid={testId} checked={checked} onChange={onSelect} />
      {label}
      {hint !== '' && <span className="export-hint">{hint}</span>}
    </label>
  );
}
