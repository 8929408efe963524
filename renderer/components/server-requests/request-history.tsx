import type { SettledServerRequest } from '../../../shared/model/server-request';
import { formatWait, requestOrigin, requestTitle } from './request-heading';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

/** An outcome in words, for the history and the earlier rounds of a call. */
export const OUTCOMES: Record<SettledServerRequest['outcome'], string> = {
  accept: 'Accepted',
  decline: 'Declined',
  cancel: 'Cancelled',
  answered: 'Answered',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn by the server',
  'connection-ended': 'Connection ended',
  error: 'Failed',
};

/** Who answered, in words. */
export const BY: Record<SettledServerRequest['answeredBy'], string> = { user: 'you', policy: 'the policy', app: 'the app', nobody: 'nobody' };

/** The settled requests of a connection, newest first: what was asked, what was answered, by whom, how long it waited. */
export function RequestHistory({ settled }: { settled: SettledServerRequest[] }) {
  if (settled.length === 0) return <p className="muted">Nothing answered yet.</p>;
  return (
    <ol className="request-history" aria-label="Answered requests" data-testid="request-history">
      {settled.map((r) => (
        <li key={r.id} className="history-item" data-testid="settled-request" data-outcome={r.outcome}>
          <div className="history-head">
            <span className={`outcome-badge outcome-${r.outcome}`}>{OUTCOMES[r.outcome]}</span>
            <strong>{requestTitle(r)}</strong>
            <span className="muted">
              by {BY[r.answeredBy]} · waited {formatWait(r.settledAt - r.arrivedAt)} · {timeOfDayLabel(r.settledAt)}
            </span>
          </div>
          {summary(r) && <p className="history-asked">{summary(r)}</p>}
          <p className="muted small">
            {requestOrigin(r)}. {sourceLine(r)}
          </p>
          <details>
            <summary>Request and answer</summary>
            <pre className="history-json">{JSON.stringify({ request: r.params, answer: r.answer }, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

function summary(r: SettledServerRequest): string | undefined {
  const params = (r.params ?? {}) as { message?: unknown; messages?: Array<{ content?: { text?: unknown } }> };
  if (typeof params.message === 'string') return `“${params.message}”`;
  const first = params.messages?.[0]?.content?.text;
  if (typeof first === 'string') return `“${first.length > 200 ? `${first.slice(0, 199)}…` : first}”`;
  return undefined;
}

function sourceLine(r: SettledServerRequest): string {
  const text = r.source.charAt(0).toUpperCase() + r.source.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
