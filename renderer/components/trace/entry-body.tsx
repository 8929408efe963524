import type { TraceEntry } from '../../../shared/model/trace';
import { formatLatency } from '../../trace/entry-fields';
import { ErrorNotice } from '../error-notice';
import { HeadersTable, PayloadView } from './payload-view';
import { ClientInputBody, EntryWarnings, ProtocolFacts } from './protocol-facts';
import { UrlElicitationRequired } from '../server-requests/url-elicitation-required';

/** The type-specific part of the detail pane. */
export function EntryBody({ entry, onShowSeq }: { entry: TraceEntry; onShowSeq(seq: number): void }) {
  switch (entry.type) {
    case 'message':
      return (
        <>
          <EntryWarnings warnings={entry.warnings} />
          <ProtocolFacts entry={entry} onShowSeq={onShowSeq} />
          {entry.messageKind === 'error' && <UrlElicitationRequired message={entry.message} />}
          <PayloadView key={entry.seq} title="Message" value={entry.message} truncated={entry.truncated} />
        </>
      );
    case 'client-input':
      return <ClientInputBody entry={entry} />;
    case 'http':
      return (
        <>
          <EntryWarnings warnings={entry.warnings} />
          <p className="http-line">
            <strong>{entry.method}</strong> <span className="url">{entry.url}</span>
            {entry.status !== undefined && (
              <>
                {' → '}
                <strong>
                  {entry.status} {entry.statusText ?? ''}
                </strong>
              </>
            )}
            {entry.timings.done !== undefined && ` in ${formatLatency(entry.timings.done - entry.timings.sent)}`}
            {entry.streaming && (entry.endedBy === 'server' ? ' (event stream, ended by the server)' : entry.endedBy === 'client' ? ' (event stream, closed by Periscope)' : ' (event stream)')}
          </p>
          {entry.error && <ErrorNotice error={entry.error} />}
          <HeadersTable title="Request headers" headers={entry.requestHeaders} />
          {entry.requestBody !== undefined && <PayloadView key={`${entry.seq}-req`} title="Request body" value={entry.requestBody} />}
          <HeadersTable title="Response headers" headers={entry.responseHeaders} />
          {entry.responseBody !== undefined && <PayloadView key={`${entry.seq}-res`} title="Response body" value={entry.responseBody} />}
          {entry.bodyTruncated && <p className="muted">The body was cut when it was recorded.</p>}
        </>
      );
    case 'sse-event':
      return (
        <>
          <p className="muted">
            Event {entry.event ?? 'message'}
            {entry.eventId !== undefined && `, id ${entry.eventId}`}
            {entry.retry !== undefined && `, retry ${entry.retry} ms`} (exchange {entry.exchangeId})
          </p>
          <PayloadView key={entry.seq} title="Data" value={entry.data} truncated={entry.truncated} />
        </>
      );
    case 'websocket':
      return (
        <>
          <p>
            WebSocket {entry.event}
            {entry.url && ` ${entry.url}`}
            {entry.protocol && `, subprotocol ${entry.protocol}`}
            {entry.closeCode !== undefined && `, close code ${entry.closeCode}`}
            {entry.closeReason && ` (${entry.closeReason})`}
          </p>
          {entry.requestHeaders && <HeadersTable title="Request headers" headers={entry.requestHeaders} />}
          {entry.responseHeaders && <HeadersTable title="Response headers" headers={entry.responseHeaders} />}
        </>
      );
    case 'stderr':
      return (
        <>
          {entry.truncated && (
            <p className="truncated-note" role="note">
              {entry.truncated.note}
            </p>
          )}
          <pre className="payload-text">{entry.line}</pre>
        </>
      );
    case 'stdout':
      return (
        <>
          <EntryWarnings warnings={entry.warnings} />
          {entry.truncated && (
            <p className="truncated-note" role="note">
              {entry.truncated.note}
            </p>
          )}
          <pre className="payload-text">{entry.line}</pre>
        </>
      );
    case 'lifecycle':
      return (
        <>
          <p>{entry.text}</p>
          {entry.error && <ErrorNotice error={entry.error} />}
          {entry.info && <PayloadView key={entry.seq} title="Connection" value={entry.info} />}
        </>
      );
  }
}
