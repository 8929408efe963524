import { useEffect, useState } from 'react';
import type { PendingServerRequest } from '../../../shared/model/server-request';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

const TITLES: Record<PendingServerRequest['method'], string> = {
  'elicitation/create': 'Question (elicitation)',
  'sampling/createMessage': 'Sampling request',
  'roots/list': 'Roots request',
};

/** The kind of a request, in the app's words, e.g. "Question (elicitation)". */
export function requestTitle(request: Pick<PendingServerRequest, 'method' | 'params'>): string {
  const url = (request.params as { mode?: unknown } | undefined)?.mode === 'url';
  return url ? 'Question: open a URL (elicitation, URL mode)' : TITLES[request.method];
}

/** Where a request came from: "tools/call order_coffee, round 2" (2026-07-28) or the plain request (2025). */
export function requestOrigin(request: Pick<PendingServerRequest, 'round' | 'era'>): string {
  if (request.round) {
    const { method, name, round, taskId } = request.round;
    if (taskId) return `Inside your ${method}${name ? ` ${name}` : ''} task ${taskId.length > 12 ? `${taskId.slice(0, 8)}…` : taskId}, question ${round} (2026-07-28 tasks extension)`;
    return `Inside your ${method}${name ? ` ${name}` : ''} call, round ${round} (2026-07-28 input_required)`;
  }
  return request.era === 'modern' ? 'Inside one of your calls (2026-07-28 input_required)' : 'A request from the server (2025 era)';
}

/** The head of a request card: what it is, where it came from, and how long it has been waiting. */
export function RequestHeading({ request, headingId }: { request: PendingServerRequest; headingId: string }) {
  const waited = useWaited(request.arrivedAt);
  return (
    <header className="request-head">
      <h4 id={headingId}>{requestTitle(request)}</h4>
      <code className="request-method">{request.method}</code>
      <span className="muted request-origin">{requestOrigin(request)}</span>
      <span className="muted request-waiting" data-testid="request-waiting">
        arrived {timeOfDayLabel(request.arrivedAt)}, waiting {formatWait(waited)}
      </span>
    </header>
  );
}

/** "4 s", "2 min 5 s". */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

function useWaited(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now - since;
}
