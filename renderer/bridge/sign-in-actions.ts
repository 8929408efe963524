import { useSignInStore } from '../stores/sign-in-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';

/** Asks main who the remote is signed in as (quietly: a remote without a sign-in simply shows none). */
export async function refreshSignIn(remoteId: string): Promise<void> {
  const result = await periscope().oauth.status(remoteId);
  if (result.ok) useSignInStore.getState().setStatus(remoteId, result.value);
}

/** Signs the remote out: revoked where the authorization server offers it, forgotten in the keychain either way. */
export async function signOut(remoteId: string, remoteName: string): Promise<void> {
  const store = useSignInStore.getState();
  store.setSigningOut(remoteId, true);
  const result = await periscope().oauth.signOut(remoteId);
  useSignInStore.getState().setSigningOut(remoteId, false);
  if (!result.ok) return reportError('Could not sign out', result.error);
  await refreshSignIn(remoteId);
  const ui = useUiStore.getState();
  const failed = result.value.outcomes.filter((o) => o.result === 'failed');
  const unsupported = result.value.outcomes.some((o) => o.result === 'unsupported');
  if (failed.length > 0) ui.notify('warning', `Signed out of "${remoteName}": the tokens are forgotten, but revoking them failed (${failed.map((o) => o.problem).join('; ')}); they stay valid until they expire.`);
  else if (unsupported) ui.notify('success', `Signed out of "${remoteName}": the tokens are forgotten (the authorization server offers no revocation, so they stay valid until they expire).`);
  else ui.notify('success', `Signed out of "${remoteName}": the tokens were revoked and forgotten.`);
}
