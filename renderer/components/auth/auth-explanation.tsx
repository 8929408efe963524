import { FactList } from '../fact-list';
import { epochSecondsIso } from '../../../shared/text/epoch-seconds';

/**
 * The 401/403 explainer's facts, as an auth error's detail carries them (see
 * main/core/diagnostics/explain-auth.ts): the headers that were sent (masked), the
 * WWW-Authenticate challenge parsed, and the bearer token's claims read without its key. The
 * token itself never reaches the window.
 */
interface Challenge {
  scheme: string;
  params: Record<string, string>;
}
interface TokenFacts {
  format: 'jwt' | 'opaque';
  claims?: Record<string, unknown>;
  otherClaims?: string[];
  times?: Record<string, string>;
  problems?: string[];
}

const CHALLENGE_PARAMS = ['realm', 'error', 'error_description', 'scope', 'resource_metadata'];
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat']);

export function hasAuthFacts(detail: Record<string, unknown> | undefined): boolean {
  return Boolean(detail && (detail.token || detail.sentHeaders || (Array.isArray(detail.wwwAuthenticate) && detail.wwwAuthenticate.length > 0)));
}

export function AuthExplanation({ detail }: { detail: Record<string, unknown> }) {
  const sent = detail.sentHeaders as Record<string, string> | undefined;
  const challenges = (Array.isArray(detail.wwwAuthenticate) ? detail.wwwAuthenticate : []) as Challenge[];
  const token = detail.token as TokenFacts | undefined;
  return (
    <div className="auth-explanation" data-testid="auth-explanation">
      {challenges.map((challenge, index) => (
        <section key={index} aria-label={`Challenge ${index + 1}: ${challenge.scheme}`}>
          <h5>The server's challenge: {challenge.scheme}</h5>
          <FactList className="auth-facts" facts={CHALLENGE_PARAMS.filter((name) => challenge.params[name] !== undefined).map((name) => [name, challenge.params[name]] as const)} />
        </section>
      ))}
      {token && (
        <section aria-label="The bearer token, read without its key" data-testid="auth-token">
          <h5>The bearer token (read without its key: the signature was not checked)</h5>
          {token.format === 'opaque' ? (
            <p className="muted">An opaque token: only the server that issued it can read it.</p>
          ) : (
            <dl className="auth-facts">
              {Object.entries(token.claims ?? {}).map(([name, value]) => (
                <div key={name} data-claim={name}>
                  <dt>{name}</dt>
                  <dd>
                    {TIME_CLAIMS.has(name) && typeof value === 'number' ? `${epochSecondsIso(value)}${token.times?.[name] ? ` (${token.times[name]})` : ''}` : typeof value === 'string' ? value : JSON.stringify(value)}
                  </dd>
                </div>
              ))}
              {token.otherClaims && token.otherClaims.length > 0 && (
                <div>
                  <dt>other claims</dt>
                  <dd>{token.otherClaims.join(', ')}</dd>
                </div>
              )}
            </dl>
          )}
          {token.problems && token.problems.length > 0 && (
            <ul className="auth-problems" aria-label="What is wrong with the token">
              {token.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {sent && (
        <section aria-label="Headers sent">
          <h5>Headers sent (secret values masked)</h5>
          <FactList className="auth-facts" facts={Object.entries(sent)} />
        </section>
      )}
    </div>
  );
}
