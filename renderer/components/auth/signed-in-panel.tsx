import type { SignInStatus } from '../../../shared/model/remote-oauth';
import { expiryInWords } from '../../../shared/text/time-left';
import { dateTimeLabel } from '../../workbench/chart-time-labels';

interface SignedInPanelProps {
  status: SignInStatus;
  /** ms since the epoch, for "expires in 55 min". */
  now: number;
  signingOut: boolean;
  onSignOut(): void;
}

/** Who the user is, as far as readable: a name or email, else the subject; opaque tokens say so. */
export function signedInAs(status: SignInStatus): string {
  const who = status.name ?? status.email ?? status.subject;
  if (who && status.email && who !== status.email) return `${who} (${status.email})`;
  return who ?? 'an account the token does not name';
}

/**
 * The OAuth sign-in of a remote (Overview): who it is signed in as (the token's readable
 * claims), at which authorization server, the granted scopes and the expiry, and Sign out.
 */
export function SignedInPanel({ status, now, signingOut, onSignOut }: SignedInPanelProps) {
  if (!status.signedIn) return null;
  const expiry = status.expiresAt !== undefined ? `${expiryInWords(status.expiresAt, now)}${status.refreshable ? ' (renewed automatically)' : ''}` : undefined;
  return (
    <section className="signed-in" aria-label="Signed in with OAuth" data-testid="signed-in-panel">
      <h3>Signed in</h3>
      <dl className="info-grid">
        <dt>Signed in as</dt>
        <dd data-testid="signed-in-as">{signedInAs(status)}</dd>
        {status.subject && status.subject !== signedInAs(status) && (
          <>
            <dt>Subject</dt>
            <dd data-testid="signed-in-subject">{status.subject}</dd>
          </>
        )}
        {status.issuer && (
          <>
            <dt>Authorization server</dt>
            <dd data-testid="signed-in-issuer">{status.issuer}</dd>
          </>
        )}
        <dt>Scopes</dt>
        <dd data-testid="signed-in-scopes">{status.scopes.length > 0 ? status.scopes.join(' ') : 'none named by the server'}</dd>
        {expiry && (
          <>
            <dt>Access token</dt>
            <dd data-testid="signed-in-expiry" title={dateTimeLabel(status.expiresAt!)}>
              {expiry}
            </dd>
          </>
        )}
      </dl>
      {status.tokenFormat === 'opaque' && <p className="muted small">The tokens are opaque: only the authorization server can read who they belong to. Ask for the openid scope to see your account here.</p>}
      <button type="button" onClick={onSignOut} disabled={signingOut} data-testid="sign-out">
        {signingOut ? 'Signing out…' : 'Sign out'}
      </button>
    </section>
  );
}
