import type { ErrorInfo } from '../../shared/model/error-info';

/** An error in plain words: what happened, then what to try. */
export function ErrorNotice({ error, title, announce = false }: { error: ErrorInfo; title?: string; announce?: boolean }) {
  return (
    <div className="error-notice" role={announce ? 'alert' : undefined} data-testid="error-notice" data-kind={error.kind}>
      {title && <strong className="error-title">{title}</strong>}
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      {error.hint && (
        <p className="error-hint" data-testid="error-hint">
          <span className="hint-label">Try: </span>
          {error.hint}
        </p>
      )}
    </div>
  );
}
