import type { Remote, RemoteDraft } from '../../../shared/model';
import { remoteClientSecretAccount } from '../auth/remote-sign-in';
import type { VaultPlan } from './header-secrets';

/**
 * The keychain work for a remote's OAuth client secret when a draft is saved: a typed secret is
 * written, `clearOAuthClientSecret` deletes the stored one, neither keeps it. The secret never
 * goes into remotes.json (the draft's two fields are dropped from what is stored).
 */
export function planOAuthSecret(remoteId: string, draft: Pick<RemoteDraft, 'oauth' | 'oauthClientSecret' | 'clearOAuthClientSecret'>, current: Pick<Remote, 'oauth'> | undefined): VaultPlan {
  const account = remoteClientSecretAccount(remoteId);
  // A secret belongs to a pre-registered client: without a client id there is none to keep.
  if (!draft.oauth?.clientId) return { writes: [], deletes: current?.oauth?.clientId ? [account] : [] };
  if (draft.oauthClientSecret) return { writes: [{ account, value: draft.oauthClientSecret }], deletes: [] };
  if (draft.clearOAuthClientSecret) return { writes: [], deletes: [account] };
  return { writes: [], deletes: [] };
}

/** The draft without its OAuth secret fields: what may be stored in the file. */
export function withoutOAuthSecret<T extends Partial<Pick<RemoteDraft, 'oauthClientSecret' | 'clearOAuthClientSecret'>>>(draft: T): Omit<T, 'oauthClientSecret' | 'clearOAuthClientSecret'> {
  const { oauthClientSecret: _secret, clearOAuthClientSecret: _clear, ...rest } = draft;
  return rest;
}

/** The keychain account of the remote's client secret when it can have one (a pre-registered client id). */
export function oauthSecretAccounts(remote: Pick<Remote, 'id' | 'oauth'>): string[] {
  return remote.oauth?.clientId ? [remoteClientSecretAccount(remote.id)] : [];
}
