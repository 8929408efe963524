import { useEffect } from 'react';
import type { Notice } from '../stores/ui-store';

/** How long a success message stays before it goes away by itself. */
export const SUCCESS_NOTICE_MS = 5_000;

interface NoticesProps {
  notices: Notice[];
  onDismiss(id: number): void;
  onDismissAll(): void;
}

/**
 * Messages that are not the answer to a form: saved files, failures, main's warnings. They sit in
 * their own strip below the content, which shrinks to make room, so they never cover anything.
 * Successes go away after a few seconds; warnings and errors stay until dismissed.
 */
export function Notices({ notices, onDismiss, onDismissAll }: NoticesProps) {
  return (
    <section className="notices" aria-label="Messages" data-testid="notices" hidden={notices.length === 0}>
      <div role="status" aria-live="polite" className="notice-list">
        {notices.map((n) => (
          <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} />
        ))}
      </div>
      {notices.length > 1 && (
        <button type="button" className="link-button small" onClick={onDismissAll} data-testid="dismiss-all-notices">
          Dismiss all
        </button>
      )}
    </section>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  useEffect(() => {
    if (notice.level !== 'success') return;
    const timer = setTimeout(() => onDismiss(notice.id), SUCCESS_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`notice notice-${notice.level}`} data-testid={`notice-${notice.level}`}>
      <span className="notice-icon" aria-hidden="true">
        {ICONS[notice.level]}
      </span>
      <span className="notice-text">{notice.message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => onDismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

const ICONS: Record<Notice['level'], string> = { success: '✓', info: 'ℹ', warning: '⚠', error: '✕' };
