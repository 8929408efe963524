import type { ClientInputEntry, MessageEntry } from '../../../shared/model/trace';
import { PayloadView } from './payload-view';

/** Plain-words warnings the capture raised about an entry (era mismatches, header/body disagreements). */
/** What a 2026-07-28 `resultType` means, where it is more than its name. */
const RESULT_TYPES: Record<string, string> = {
  input_required: 'input_required (the server needs answers before it can finish)',
  task: 'task (the server made a task of the call: its status and result come from tasks/get; tasks extension, SEP-2663)',
};

export function EntryWarnings({ warnings }: { warnings: string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <ul className="warnings entry-warnings" aria-label="Protocol warnings" data-testid="entry-warnings">
      {warnings.map((warning) => (
        <li key={warning}>{warning}</li>
      ))}
    </ul>
  );
}

const ENVELOPE_NAMES: Record<string, string> = {
  protocolVersion: 'Protocol version',
  clientInfo: 'Client',
  clientCapabilities: 'Client capabilities',
  logLevel: 'Log level',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  baggage: 'baggage',
};

/**
 * What the 2026-07-28 protocol adds to a message, at a glance: the request's `_meta` envelope,
 * the result's `resultType` and cache hints, and which round of a multi-round call this is.
 */
export function ProtocolFacts({ entry, onShowSeq }: { entry: MessageEntry; onShowSeq(seq: number): void }) {
  const { envelope, resultType, cache, call, listen } = entry;
  if (!envelope && !resultType && !cache && !call && !listen) return null;
  return (
    <dl className="detail-fields protocol-facts" data-testid="protocol-facts">
      {call && (
        <>
          <dt>Logical call</dt>
          <dd>
            Round {call.round}
            {call.rootSeq !== entry.seq && (
              <>
                {' of the call started by '}
                <button type="button" className="link-button" onClick={() => onShowSeq(call.rootSeq)}>
                  request #{call.rootSeq}
                </button>
              </>
            )}
          </dd>
        </>
      )}
      {listen && (
        <>
          <dt>Subscription stream</dt>
          <dd>
            {listen.requestSeq !== undefined && listen.requestSeq !== entry.seq ? (
              <button type="button" className="link-button" onClick={() => onShowSeq(listen.requestSeq!)}>
                opened by request #{listen.requestSeq}
              </button>
            ) : (
              'subscriptions/listen'
            )}
          </dd>
          {listen.requested && <FactRow name="Asked for" value={listen.requested} />}
          {listen.acknowledged && <FactRow name="Acknowledged" value={listen.acknowledged} />}
          {listen.notHonored && <FactRow name="Not honoured" value={listen.notHonored.join(', ')} />}
        </>
      )}
      {resultType && (
        <>
          <dt>Result type</dt>
          <dd>{RESULT_TYPES[resultType] ?? resultType}</dd>
        </>
      )}
      {cache && (
        <>
          <dt>Cache hints</dt>
          <dd>
            {cache.ttlMs !== undefined ? `fresh for ${cache.ttlMs} ms` : 'no ttl'}
            {cache.cacheScope ? `, ${cache.cacheScope}` : ''}
          </dd>
        </>
      )}
      {envelope &&
        Object.entries(envelope).map(([key, value]) => (
          <FactRow key={key} name={ENVELOPE_NAMES[key] ?? key} value={value} />
        ))}
    </dl>
  );
}

function FactRow({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{typeof value === 'string' ? value : <code>{spacedJson(value)}</code>}</dd>
    </>
  );
}

/**
 * One line of JSON with a space after each comma and colon and inside braces, so a narrow column
 * wraps it between fields (`{ "name": "MCP Periscope", "version": "1.0" }`) instead of mid-word.
 * A newline inside a JSON string is the escape `\n`: only the structure's own newlines are joined.
 */
function spacedJson(value: unknown): string {
  return (JSON.stringify(value, null, 1) ?? String(value)).replace(/\n\s*/g, ' ');
}

const WHO: Record<ClientInputEntry['answeredBy'], string> = {
  user: 'Answered by the user',
  option: 'Answered by a configured option',
  default: 'Answered by Periscope\u2019s default (nobody was asked)',
};

/**
 * A question the app asked the user that ended unanswered (withdrawn by the server, the connection
 * ended, too many waiting): its source says why, starting "nobody: ".
 */
function unanswered(entry: ClientInputEntry): string | undefined {
  return entry.answeredBy === 'default' && entry.source.startsWith('nobody: ') ? entry.source.slice('nobody: '.length) : undefined;
}

/** A server's question (elicitation, sampling, roots) and the answer that went back, with who gave it. */
export function ClientInputBody({ entry }: { entry: ClientInputEntry }) {
  return (
    <>
      <p>
        <strong>{entry.method}</strong>: {entry.outcome}. {unanswered(entry) ?? WHO[entry.answeredBy]}
        {entry.answeredBy !== 'default' && ` (${entry.source})`}
        {entry.era && `, ${entry.era === 'modern' ? 'inside a 2026-07-28 input_required round' : 'as a 2025 server-to-client request'}`}.
      </p>
      <PayloadView key={`${entry.seq}-q`} title="What the server asked" value={entry.request} truncated={entry.truncated} />
      <PayloadView key={`${entry.seq}-a`} title="What was answered" value={entry.answer} />
    </>
  );
}
