/** How long the object URL of a download stays valid; the browser has taken the data well before. */
const REVOKE_AFTER_MS = 60_000;

/** Saves `blob` as `fileName` through a temporary <a download> on an object URL. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
