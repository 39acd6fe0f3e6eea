import { useRef } from 'react';
import type { ReactNode } from 'react';

export interface FilePickerButtonProps {
  /** data-testid of the button. */
  readonly testId: string;
  /** data-testid of the hidden file input (browser tests set files on it). */
  readonly inputTestId: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly className?: string;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
  readonly children: ReactNode;
}

/** A button that opens the browser's file picker through a hidden <input type=file>. */
export function FilePickerButton({
  testId,
  inputTestId,
  accept,
  multiple = false,
  className = 'bar-button',
  title,
  disabled = false,
  onFiles,
  children,
}: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} data-testid={testId} title={title} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={multiple}
        data-testid={inputTestId}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so that picking the same file again fires change again.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
