import type { ErrorFix, ErrorInfo } from '../../shared/model/error-info';
import { AuthExplanation, hasAuthFacts } from './auth/auth-explanation';
import { FixButtons } from './fix-buttons';

interface ErrorNoticeProps {
  error: ErrorInfo;
  title?: string;
  /** Announce to screen readers at once (a fresh failure), not for errors in history. */
  announce?: boolean;
  /** Opens the remote's editor on the fix's field; without it no fix buttons are shown. */
  onFix?(fix: ErrorFix): void;
}

/**
 * An error in plain words: what happened, then what to try, with a button for each setting of
 * the remote that could fix it; technical details on request.
 */
export function ErrorNotice({ error, title, announce = false, onFix }: ErrorNoticeProps) {
  const detail = error.detail && Object.keys(error.detail).length > 0 ? error.detail : undefined;
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
      {onFix && <FixButtons fixes={error.fixes} onFix={onFix} className="fix-actions" testId="fix-actions" />}
      {error.kind === 'auth' && hasAuthFacts(detail) && <AuthExplanation detail={detail!} />}
      {detail && (
        <details className="error-detail">
          <summary>Technical details ({error.kind})</summary>
          <pre data-testid="error-detail">{JSON.stringify(detail, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
