import { useLayoutEffect, useRef } from 'react';
import type { TraceEntry } from '../../../shared/model/trace';
import { buildCurlCommand } from '../../trace/curl';
import { entryDirection, formatLatency, formatSize, formatTime, kindLabel, latencyOf, methodLabel, sizeOf } from '../../trace/entry-fields';
import { CopyButton } from '../copy-button';
import { EntryBody } from './entry-body';

interface TraceDetailProps {
  entry: TraceEntry | undefined;
  /** The request of a response, or the response of a request, when it is in the trace. */
  pair: TraceEntry | undefined;
  onShowSeq(seq: number): void;
  /** Copies text to the clipboard; false when it could not. */
  copy(text: string): Promise<boolean>;
  /** Shown when no entry is open, e.g. why the selected one is not shown. */
  emptyText?: string;
}

/** The selected entry in full: fields, payloads, headers, and links to its pair. */
export function TraceDetail({ entry, pair, onShowSeq, copy, emptyText = 'Select an entry to see its details. Use ↑ ↓ Home End in the list.' }: TraceDetailProps) {
  const paneRef = useRef<HTMLElement>(null);
  const seq = entry?.seq;
  // The pane is one scrolling element whatever entry it shows: without this, an entry opened after
  // the user scrolled down in another one starts where that one was left (at "Size", not its
  // heading). Keyed on the seq, not the object, so new traffic re-rendering the same entry keeps
  // the reader's place; before paint, so the old position never flashes.
  useLayoutEffect(() => {
    const pane = paneRef.current;
    if (pane) {
      pane.scrollTop = 0;
      pane.scrollLeft = 0;
    }
  }, [seq]);
  if (!entry) {
    return (
      // Focusable: in a short pane the hint itself scrolls, and a keyboard must be able to scroll it.
      <section ref={paneRef} className="trace-detail is-empty" aria-label="Entry details" data-testid="trace-detail" tabIndex={0}>
        <p className="muted" data-testid="detail-empty">
          {emptyText}
        </p>
      </section>
    );
  }
  const latency = latencyOf(entry);
  return (
    <section ref={paneRef} className="trace-detail" aria-label="Entry details" data-testid="trace-detail">
      <header className="detail-head">
        <h3>
          #{entry.seq} {kindLabel(entry)} <span className="detail-method">{methodLabel(entry)}</span>
        </h3>
        <div className="detail-actions">
          <CopyButton label="Copy as JSON" testId="copy-json" text={() => JSON.stringify(entry, null, 2)} copy={copy} />
          {entry.type === 'http' && <CopyButton label="Copy as cURL" testId="copy-curl" text={() => buildCurlCommand(entry).command} copy={copy} />}
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
