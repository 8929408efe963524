import type { Remote } from '../../../shared/model';
import { looksLikeCredentialEnv } from '../../../shared/model';
import { envSecretAccount, secretAccount } from '../secrets/secret-vault';
import type { VaultPlan } from './header-secrets';

/** The names of a remote's env variables that are secrets (their values live in the keychain). */
export function secretEnvNames(env: Record<string, string>): string[] {
  return Object.keys(env).filter(looksLikeCredentialEnv);
}

/**
 * Decides the stored env (credential-looking values blanked) and the keychain moves for saving
 * `draft` over `current` (undefined when creating): a credential variable with a value is
 * written to the keychain, one with '' keeps what is stored, one left out of the draft (or a
 * remote that is no longer stdio, whose env is empty) has its stored value deleted.
 */
export function planEnvSecrets(remoteId: string, draft: Record<string, string>, current: Remote | undefined): { env: Record<string, string>; plan: VaultPlan } {
  const plan: VaultPlan = { writes: [], deletes: [] };
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft)) {
    if (!looksLikeCredentialEnv(name)) {
      env[name] = value;
      continue;
    }
    env[name] = '';
    if (value !== '') plan.writes.push({ account: envSecretAccount(remoteId, name), value });
  }
  for (const name of secretEnvNames(current?.env ?? {})) {
    if (!(name in draft)) plan.deletes.push(envSecretAccount(remoteId, name));
  }
  return { env, plan };
}

/** What a copy of `source` under `copyId` must copy in the keychain for its env secrets. */
export function copyEnvSecrets(source: Remote, copyId: string): VaultPlan['writes'] {
  return secretEnvNames(source.env).map((name) => ({ account: envSecretAccount(copyId, name), copyFrom: envSecretAccount(source.id, name) }));
}

/** Every keychain account a saved remote owns (secret headers and env secrets). */
export function secretAccountsOf(remote: Remote): string[] {
  return [
    ...remote.headers.filter((h) => h.is_secret).map((h) => secretAccount(remote.id, h.name)),
    ...secretEnvNames(remote.env).map((name) => envSecretAccount(remote.id, name)),
  ];
}
