import type { HeaderSpec, Remote, RemoteDraft } from '../../../shared/model';
import { looksLikeCredentialHeader } from '../../../shared/model';
import { secretAccount } from '../secrets/secret-vault';

type DraftHeader = RemoteDraft['headers'][number];

/** Keychain work that goes with saving a remote: `writes` before the file, `deletes` after. */
export interface VaultPlan {
  writes: Array<{ account: string; value: string } | { account: string; copyFrom: string }>;
  deletes: string[];
}

/**
 * Credential-looking headers (Authorization, X-API-Key...) are always kept as secrets, so a
 * token never lands in remotes.json because someone forgot to tick "secret".
 */
export function promoteCredentialHeaders(headers: DraftHeader[]): { headers: DraftHeader[]; warnings: string[] } {
  const warnings: string[] = [];
  const promoted = headers.map((h) => {
    if (h.is_secret || !looksLikeCredentialHeader(h.name)) return h;
    warnings.push(`Header "${h.name}" looks like a credential, so it is treated as secret: its value is kept in the system keychain, not in remotes.json.`);
    return { ...h, is_secret: true };
  });
  return { headers: promoted, warnings };
}

/**
 * Decides the stored headers (secret values blanked) and the keychain moves for saving `draft`
 * over `current` (undefined when creating). Renames follow `previousName`; a header that stops
 * being secret never pulls its value out of the keychain into the file.
 */
export function planHeaderSecrets(remoteId: string, draft: DraftHeader[], current: Remote | undefined): { headers: HeaderSpec[]; plan: VaultPlan } {
  const plan: VaultPlan = { writes: [], deletes: [] };
  const claimed = new Set<string>();
  const headers = draft.map((h): HeaderSpec => {
    const oldName = h.previousName ?? h.name;
    const old = current?.headers.find((o) => o.name === oldName);
    if (old) claimed.add(old.name);
    const account = secretAccount(remoteId, h.name);
    const oldAccount = old ? secretAccount(remoteId, old.name) : undefined;
    const base = { name: h.name, description: h.description, is_required: h.is_required, is_secret: h.is_secret };

    if (h.is_secret) {
      if (h.value !== undefined && h.value !== '') {
        plan.writes.push({ account, value: h.value });
      } else if (h.clearValue) {
        plan.deletes.push(account);
      } else if (old?.is_secret && oldAccount !== account) {
        plan.writes.push({ account, copyFrom: oldAccount! });
      } else if (old && !old.is_secret && old.value !== '') {
        plan.writes.push({ account, value: old.value }); // now secret: move the value off the disk
      }
      if (oldAccount && oldAccount !== account && old?.is_secret) plan.deletes.push(oldAccount);
      return { ...base, value: '' };
    }

    if (old?.is_secret && oldAccount) plan.deletes.push(oldAccount);
    const keep = old && !old.is_secret ? old.value : '';
    return { ...base, value: h.value ?? keep };
  });

  for (const old of current?.headers ?? []) {
    if (!claimed.has(old.name) && old.is_secret) plan.deletes.push(secretAccount(remoteId, old.name));
  }
  // An account that is both rewritten and deleted (e.g. swapped names) must survive.
  const written = new Set(plan.writes.map((w) => w.account));
  plan.deletes = [...new Set(plan.deletes)].filter((a) => !written.has(a));
  return { headers, plan };
}
