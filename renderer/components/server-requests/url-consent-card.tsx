import type { ServerRequestAnswer } from '../../../shared/model/server-request';
import { urlParts } from '../../workbench/url-parts';

interface UrlConsentProps {
  params: { message?: unknown; url?: unknown; elicitationId?: unknown };
  busy: boolean;
  onAnswer(answer: ServerRequestAnswer): void;
  /** Opens the URL in the system browser (main checks it again). */
  onOpen(url: string): void;
}

/**
 * A URL-mode elicitation (MCP client/elicitation, "URL mode"): the server wants the user to open
 * a page (a sign-in, a payment). Consent first: the whole URL and its host are shown plainly,
 * with anything odd about them, and nothing opens until the user clicks. Opening answers
 * `accept` (the user agreed to go there; the result of the visit reaches the server, not us).
 */
export function UrlConsentCard({ params, busy, onAnswer, onOpen }: UrlConsentProps) {
  const url = typeof params.url === 'string' ? params.url : '';
  const parts = urlParts(url);
  return (
    <div className="url-consent" data-testid="url-consent">
      {typeof params.message === 'string' && <p className="request-message" data-testid="request-message">{params.message}</p>}
      <p className="url-host">
        Site: <strong data-testid="url-host">{parts.host ?? '(no host)'}</strong>
      </p>
      <p className="url-full">
        Full address: <code data-testid="url-full">{parts.rawEscaped}</code>
      </p>
      {parts.warnings.length > 0 && (
        <ul className="url-warnings" aria-label="Look twice">
          {parts.warnings.map((w) => (
            <li key={w} className="warning-line">
              {w}
            </li>
          ))}
        </ul>
      )}
      {typeof params.elicitationId === 'string' && <p className="muted small">Elicitation id: <code>{params.elicitationId}</code></p>}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !parts.openable}
          onClick={() => {
            onOpen(url);
            onAnswer({ action: 'accept' });
          }}
          data-testid="url-open"
        >
          Open {parts.host ?? 'the page'} in the browser
        </button>
        <button type="button" disabled={busy} onClick={() => onAnswer({ action: 'decline' })} data-testid="elicitation-decline">
          Decline
        </button>
        <button type="button" disabled={busy} onClick={() => onAnswer({ action: 'cancel' })} data-testid="elicitation-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}
