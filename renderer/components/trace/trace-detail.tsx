import type { TraceEntry } from '../../../shared/model/trace';
import { buildCurlCommand } from '../../trace/curl';
import { entryDirection, formatLatency, formatSize, formatTime, kindLabel, latencyOf, methodLabel, sizeOf } from '../../trace/entry-fields';
import { EntryBody } from './entry-body';

interface TraceDetailProps {
  entry: TraceEntry | undefined;
  /** The request of a response, or the response of a request, when it is in the trace. */
  pair: TraceEntry | undefined;
  onShowSeq(seq: number): void;
  onCopy(text: string, what: string): void;
}

/** The selected entry in full: fields, payloads, headers, and links to its pair. */
export function TraceDetail({ entry, pair, onShowSeq, onCopy }: TraceDetailProps) {
  if (!entry) {
    return (
      <section className="trace-detail is-empty" aria-label="Entry details" data-testid="trace-detail">
        <p className="muted">Select an entry to see its details. Use ↑ ↓ Home End in the list.</p>
      </section>
    );
  }
  const latency = latencyOf(entry);
  return (
    <section className="trace-detail" aria-label="Entry details" data-testid="trace-detail">
      <header className="detail-head">
        <h3>
          #{entry.seq} {kindLabel(entry)} <span className="detail-method">{methodLabel(entry)}</span>
        </h3>
        <div className="detail-actions">
          <button type="button" data-testid="copy-json" onClick={() => onCopy(JSON.stringify(entry, null, 2), 'Entry as JSON')}>
            Copy as JSON
          </button>
          {entry.type === 'http' && (
            <button type="button" data-testid="copy-curl" onClick={() => onCopy(buildCurlCommand(entry).command, 'cURL command')}>
              Copy as cURL
            </button>
          )}
        </div>
      </header>
      <dl className="detail-fields">
        <dt>Time</dt>
        <dd>{formatTime(entry.wallTime)}</dd>
        <dt>Direction</dt>
        <dd>{entryDirection(entry) ?? '—'}</dd>
        {latency !== undefined && (
          <>
            <dt>Latency</dt>
            <dd>{formatLatency(latency)}</dd>
          </>
        )}
        {sizeOf(entry) !== undefined && (
          <>
            <dt>Size</dt>
            <dd>{formatSize(sizeOf(entry))}</dd>
          </>
        )}
        {entry.type === 'message' && entry.rpcId !== undefined && (
          <>
            <dt>JSON-RPC id</dt>
            <dd>{String(entry.rpcId)}</dd>
          </>
        )}
        {entry.type === 'message' && entry.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>Request #{entry.endsRequestSeq} ended: {entry.outcome}</dd>
          </>
        )}
      </dl>
      {pair && (
        <p className="pair-link">
          <button type="button" data-testid="show-pair" onClick={() => onShowSeq(pair.seq)}>
            {pairLabel(entry, pair)}
          </button>
        </p>
      )}
      <EntryBody entry={entry} onShowSeq={onShowSeq} />
    </section>
  );
}

function pairLabel(entry: TraceEntry, pair: TraceEntry): string {
  if (entry.type === 'message' && entry.messageKind === 'request') {
    const latency = latencyOf(pair);
    return `Show response #${pair.seq}${latency !== undefined ? ` (${formatLatency(latency)})` : ''}`;
  }
  return `Show request #${pair.seq}`;
}
