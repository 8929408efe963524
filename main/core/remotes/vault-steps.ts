/**
 * The keychain steps of saving remotes (see RemoteService): what the UI may know of each secret
 * (whether it is set, never its value), and writing or deleting a plan's keychain entries.
 */
import type { Remote } from '../../../shared/model';
import { remoteClientSecretAccount } from '../auth/remote-sign-in';
import { envSecretAccount, secretAccount, type SecretVault } from '../secrets/secret-vault';
import { secretAccountsOf, secretEnvNames } from './env-secrets';
import type { VaultPlan } from './header-secrets';
import { oauthSecretAccounts } from './oauth-secrets';

/**
 * The remotes with `has_value` on each secret header, `envHasValue` for secret environment
 * variables and `oauthClientSecretSet`: whether the keychain holds each value. One keychain
 * listing for all of them; none when no remote has a secret. Without a keychain the remotes are
 * returned as they are (listing still works; connecting says why it fails).
 */
export async function withSecretPresence(vault: SecretVault, remotes: Remote[]): Promise<Remote[]> {
  if (!remotes.some((r) => secretAccountsOf(r).length > 0 || oauthSecretAccounts(r).length > 0)) return remotes;
  let accounts: Set<string>;
  try {
    accounts = new Set(await vault.list());
  } catch {
    return remotes;
  }
  return remotes.map((r) => {
    const names = secretEnvNames(r.env);
    return {
      ...r,
      headers: r.headers.map((h) => (h.is_secret ? { ...h, has_value: accounts.has(secretAccount(r.id, h.name)) } : h)),
      ...(names.length > 0 ? { envHasValue: Object.fromEntries(names.map((n) => [n, accounts.has(envSecretAccount(r.id, n))])) } : {}),
      ...(r.oauth?.clientId ? { oauthClientSecretSet: accounts.has(remoteClientSecretAccount(r.id)) } : {}),
    };
  });
}

/**
 * Writes a plan's keychain entries (values given, or copied from another account); returns the
 * accounts written. All or nothing: when one write fails, those made are deleted and the error
 * is thrown. The plan's deletes are the caller's, after the file is saved.
 */
export async function applyVaultWrites(vault: SecretVault, plan: VaultPlan): Promise<string[]> {
  // Read every value to copy first, so swapping two headers' names cannot overwrite one with the other.
  const values: Array<{ account: string; value: string }> = [];
  for (const w of plan.writes) {
    const value = 'value' in w ? w.value : await vault.get(w.copyFrom);
    if (value !== undefined) values.push({ account: w.account, value });
  }
  const written: string[] = [];
  try {
    for (const { account, value } of values) {
      await vault.set(account, value);
      written.push(account);
    }
  } catch (error) {
    await deleteAccountsQuietly(vault, written);
    throw error;
  }
  return written;
}

/** Deletes keychain entries, ignoring failures (an unused entry left behind harms nothing). */
export async function deleteAccountsQuietly(vault: SecretVault, accounts: string[]): Promise<void> {
  for (const account of accounts) await vault.delete(account).catch(() => false);
}
