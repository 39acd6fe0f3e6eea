import { useStudioStore, useStudioStoreApi } from '../state/StudioStoreProvider';

/** The store's notices (refused stem files, a scene's warnings, "Undo delete"), each until dismissed or acted on. */
export function Notices() {
  const store = useStudioStoreApi();
  const notices = useStudioStore((s) => s.notices);
  return (
    <>
      {notices.map((notice) => (
        <section
          key={notice.id}
          className={`notice notice-${notice.tone} notice-dismissable`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          aria-label={notice.title}
          data-testid="notice"
        >
          <div className="notice-body">
            <h2 className="notice-title">{notice.title}</h2>
            <ul className="notice-lines">
              {notice.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </div>
          {notice.action !== undefined && (
            <button
              type="button"
              className="bar-button small"
              data-testid="notice-action"
              onClick={() => {
                store.getState().dismissNotice(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="notice-dismiss"
            data-testid="notice-dismiss"
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => store.getState().dismissNotice(notice.id)}
          >
            ×
          </button>
        </section>
      ))}
    </>
  );
}
