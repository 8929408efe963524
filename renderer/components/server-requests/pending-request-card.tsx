import type { ErrorInfo } from '../../../shared/model/error-info';
import type { PendingServerRequest, ServerRequestAnswer } from '../../../shared/model/server-request';
import { ErrorNotice } from '../error-notice';
import { ElicitationFormCard } from './elicitation-form-card';
import { RequestHeading } from './request-heading';
import { SamplingCard } from './sampling-card';
import { UrlConsentCard } from './url-consent-card';

interface PendingRequestCardProps {
  request: PendingServerRequest;
  busy: boolean;
  error?: ErrorInfo;
  onAnswer(answer: ServerRequestAnswer): void;
  onOpenUrl(url: string): void;
}

/** One request waiting for the user: its heading, then the answer form its kind needs. */
export function PendingRequestCard({ request, busy, error, onAnswer, onOpenUrl }: PendingRequestCardProps) {
  const idPrefix = `req-${request.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const params = (request.params ?? {}) as Record<string, unknown>;
  return (
    <article className="request-card" aria-labelledby={`${idPrefix}-title`} data-testid="pending-request" data-method={request.method}>
      <RequestHeading request={request} headingId={`${idPrefix}-title`} />
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
