import type { TimelineSpan } from './timeline-spans';
import { formatOffset } from './timeline-range';

const OUTCOME_WORDS: Record<TimelineSpan['outcome'], string> = {
  ok: 'answered',
  error: 'JSON-RPC error',
  'tool-error': 'tool error (isError)',
  cancelled: 'cancelled',
  timeout: 'timed out',
  failed: 'failed',
  closed: 'no answer: the connection closed',
  open: 'still waiting',
};

/** What became of a span, in words: "answered", "JSON-RPC error: -32601 Method not found", "still waiting". */
export function outcomeText(span: TimelineSpan): string {
  if (span.kind !== 'request' && span.outcome === 'ok') return span.kind === 'connect' ? 'connected' : 'ended';
  if (span.kind !== 'request' && span.outcome === 'open') return span.kind === 'connect' ? 'connecting' : 'open';
  if (span.kind !== 'request' && span.outcome === 'closed') return 'ended with the connection';
  const words = OUTCOME_WORDS[span.outcome];
  return span.detail ? `${words}: ${span.detail}` : words;
}

/** "headers 2.1 ms · first event 3.0 ms · result 4.2 ms", or '' when the transport showed none. */
export function phasesText(span: TimelineSpan): string {
  const p = span.phases;
  if (!p) return '';
  const parts: string[] = [];
  if (p.headersMs !== undefined) parts.push(`headers ${formatOffset(p.headersMs)}`);
  if (p.firstEventMs !== undefined) parts.push(`first event ${formatOffset(p.firstEventMs)}`);
  if (p.resultMs !== undefined && parts.length > 0) parts.push(`result ${formatOffset(p.resultMs)}`);
  return parts.join(' · ');
}

/** "3 progress notifications, the last 2 of 3" */
export function progressText(span: TimelineSpan): string {
  const n = span.progress.length;
  if (n === 0) return '';
  const last = span.progress[n - 1]!;
  const of = last.progress !== undefined ? `, the last ${last.progress}${last.total !== undefined ? ` of ${last.total}` : ''}` : '';
  const what = span.kind === 'stream' && span.method === 'subscriptions/listen' ? 'change' : 'progress notification';
  return `${n} ${what}${n === 1 ? '' : 's'}${of}`;
}
