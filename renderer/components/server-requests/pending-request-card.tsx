import type { ErrorInfo } from '../../../shared/model/error-info';
import type { PendingServerRequest, ServerRequestAnswer, SettledServerRequest } from '../../../shared/model/server-request';
import { ErrorNotice } from '../error-notice';
import { ElicitationFormCard } from './elicitation-form-card';
import { RequestHeading } from './request-heading';
import { BY, OUTCOMES } from './request-history';
import { SamplingCard } from './sampling-card';
import { UrlConsentCard } from './url-consent-card';

interface PendingRequestCardProps {
  request: PendingServerRequest;
  busy: boolean;
  error?: ErrorInfo;
  /** 2026-07-28: the settled requests of earlier rounds of the same call, oldest first. */
  earlier?: SettledServerRequest[];
  onAnswer(answer: ServerRequestAnswer): void;
  onOpenUrl(url: string): void;
}

/** One request waiting for the user: its heading, then the answer form its kind needs. */
export function PendingRequestCard({ request, busy, error, earlier = [], onAnswer, onOpenUrl }: PendingRequestCardProps) {
  const idPrefix = `req-${request.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const params = (request.params ?? {}) as Record<string, unknown>;
  return (
    <article className="request-card" aria-labelledby={`${idPrefix}-title`} data-testid="pending-request" data-method={request.method}>
      <RequestHeading request={request} headingId={`${idPrefix}-title`} />
      {earlier.length > 0 && (
        <ul className="earlier-rounds" aria-label="Earlier rounds of this call" data-testid="earlier-rounds">
          {earlier.map((r) => (
            <li key={r.id} className="muted small">
              Round {r.round?.round}: {OUTCOMES[r.outcome].toLowerCase()} by {BY[r.answeredBy]}
              {answerText(r.answer)}
            </li>
          ))}
        </ul>
      )}
      {request.method === 'sampling/createMessage' ? (
        <SamplingCard params={params} idPrefix={idPrefix} tooLarge={request.tooLarge} busy={busy} onAnswer={onAnswer} />
      ) : params.mode === 'url' ? (
        <UrlConsentCard params={params} busy={busy} onAnswer={onAnswer} onOpen={onOpenUrl} />
      ) : (
        <ElicitationFormCard params={params} idPrefix={idPrefix} tooLarge={request.tooLarge} busy={busy} onAnswer={onAnswer} />
      )}
      {error && <ErrorNotice error={error} title="The answer was not sent" announce />}
    </article>
  );
}

/** The content of an earlier round's answer, short: ` — {"drink":"latte"}`. */
function answerText(answer: unknown): string {
  const content = (answer as { content?: unknown } | undefined)?.content;
  if (content === undefined) return '';
  const text = JSON.stringify(content);
  return ` — ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`;
}
