import type { Notice } from '../stores/ui-store';

/** Messages that are not the answer to a form: saved files, import results, failures. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} data-testid={`notice-${n.level}`}>
          <span>{n.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
