import { FactList } from '../fact-list';
import type { AuthDebugStepResult, AuthDebugVerdict } from '../../../shared/model/auth-debug';
import type { HttpEntry } from '../../../shared/model/trace';

export const VERDICT_LABEL: Record<AuthDebugVerdict, string> = { info: 'Info', pass: 'Pass', warn: 'Warning', fail: 'Fail' };

/** A finding's sign: its step's heading carries the badge, so each line only needs a mark. */
const FINDING_MARK: Record<AuthDebugVerdict, string> = { info: 'i', pass: '✓', warn: '!', fail: '✗' };

/** The id of step `index`'s heading (0-based), which the view focuses when the run is over. */
export const stepHeadingId = (index: number) => `auth-debug-step-${index}`;

/** A verdict as a word in a coloured badge (the word carries the meaning; the colour only repeats it). */
export function VerdictBadge({ verdict }: { verdict: AuthDebugVerdict }) {
  return <span className={`verdict-badge verdict-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

function headerLines(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/**
 * What came back: the status, or why nothing did. A request fetch refused before connecting (a
 * blocked port, an invalid URL: the recorder's `invalid-url`, as the core's notSent says) was
 * never sent, and says so.
 */
function outcomeOf(exchange: HttpEntry): string {
  if (exchange.status !== undefined) return `${exchange.status}${exchange.statusText ? ` ${exchange.statusText}` : ''}`;
  if (!exchange.error) return 'no answer';
  return `${exchange.error.kind === 'invalid-url' ? 'not sent' : 'failed'}: ${exchange.error.message}`;
}

/** One exchange, request and response as recorded (masked), folded under its request line. */
function Exchange({ exchange }: { exchange: HttpEntry }) {
  const status = outcomeOf(exchange);
  return (
    <details className="auth-debug-exchange" data-testid="auth-debug-exchange">
      <summary>
        <code>
          {exchange.method} {exchange.url}
        </code>{' '}
        → {status}
      </summary>
      <h5>Request</h5>
      <pre className="auth-debug-wire">{[`${exchange.method} ${exchange.url}`, headerLines(exchange.requestHeaders), exchange.requestBody ? `\n${exchange.requestBody}` : ''].filter(Boolean).join('\n')}</pre>
      <h5>Response</h5>
      <pre className="auth-debug-wire">{[status, headerLines(exchange.responseHeaders), exchange.responseBody ? `\n${exchange.responseBody}` : ''].filter(Boolean).join('\n')}</pre>
    </details>
  );
}

/**
 * A finding's verdict as a sign before its words (✓, !, ✗, i), the verdict's word said to screen
 * readers: the step's badge already shows the word, and a step with one finding showed it twice.
 */
function FindingMark({ verdict }: { verdict: AuthDebugVerdict }) {
  return (
    <>
      <span className={`finding-mark finding-mark-${verdict}`} aria-hidden="true">
        {FINDING_MARK[verdict]}
      </span>
      <span className="visually-hidden">{VERDICT_LABEL[verdict]}: </span>
    </>
  );
}

/**
 * One step of the auth debugger: its verdict (the one badge) and time, the findings in plain
 * words, each after its sign (with the spec section each rests on), what the spec expects, each
 * exchange (masked), and what it learned.
 */
export function AuthDebugStep({ result, index }: { result: AuthDebugStepResult; index: number }) {
  const headingId = stepHeadingId(index);
  const facts = Object.entries(result.facts);
  return (
    <section className={`auth-debug-step step-${result.verdict}`} aria-labelledby={headingId} data-testid="auth-debug-step" data-step={result.step} data-verdict={result.verdict}>
      <h3 id={headingId} tabIndex={-1}>
        <span>
          {index + 1}. {result.title}
        </span>
        <VerdictBadge verdict={result.verdict} />
        <span className="muted auth-debug-time">{Math.round(result.durationMs)} ms</span>
      </h3>
      <ul className="auth-debug-findings" aria-label="Findings">
        {result.findings.map((finding) => (
          <li key={finding.id} className={`finding-${finding.verdict}`} data-testid="auth-debug-finding" data-finding={finding.id}>
            <FindingMark verdict={finding.verdict} />
            <span>
              {finding.message}
              {finding.source && finding.verdict !== 'pass' && <span className="muted auth-debug-source"> ({finding.source})</span>}
            </span>
          </li>
        ))}
      </ul>
      {result.stopped && (
        <p className="auth-debug-stopped" data-testid="auth-debug-stopped">
          The run stops here: {result.stopped}
        </p>
      )}
      <details className="auth-debug-expectation">
        <summary>What the spec expects</summary>
        <p>{result.expectation.summary}</p>
        <p className="muted">{result.expectation.sources.join('; ')}</p>
      </details>
      {result.exchanges.map((exchange) => (
        <Exchange key={exchange.exchangeId} exchange={exchange} />
      ))}
      {facts.length > 0 && (
        <FactList className="auth-debug-facts" facts={facts} />
      )}
    </section>
  );
}
