/** Shown while files are dragged over the page. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">Drop WAV, FLAC or MP3 stems to add them as sources, or a scene .json to open it</div>
    </div>
  );
}
