import { randomUUID } from 'node:crypto';
import type { ConnectionTargetInput, Remote, RemoteDraft, RemoteInput, Root, ServerRequestPolicy } from '../../../shared/model';
import { checkRemoteDraft, formatRuleIssues, Roots } from '../../../shared/model';
import { PeriscopeError, isPeriscopeError } from '../diagnostics/periscope-error';
import { accountsOfRemote, secretAccount, type SecretVault } from '../secrets/secret-vault';
import { copyEnvSecrets, planEnvSecrets, secretAccountsOf } from './env-secrets';
import { planHeaderSecrets, promoteCredentialHeaders, type VaultPlan } from './header-secrets';
import type { AtomicWriteHooks } from './atomic-write';
import { findRemote } from './remote-list-rules';
import { RemoteStore, type RemoteFields, type StoreNotice } from './remote-store';
import { resolveGroupForConnection, resolveRemoteForConnection } from './resolve-remote';
import type { InstanceTarget } from './instance-targets';
import { importCandidates, type ImportReport } from './import-remotes';
import { parseImportText } from './remote-import';
import { exportRemotes, type ExportOptions } from './remote-export';
import type { SeedRemote } from './exchange-format';
import { oauthSecretAccounts, planOAuthSecret, withoutOAuthSecret } from './oauth-secrets';
import { remoteClientSecretAccount } from '../auth/remote-sign-in';
import { applyVaultWrites, deleteAccountsQuietly, withSecretPresence } from './vault-steps';

/** What a save returns: the remote as the UI shows it, and warnings worth showing. */
export interface SaveResult {
  remote: Remote;
  warnings: string[];
}

export interface RemoteServiceOptions {
  dataDir: string;
  vault: SecretVault;
  onNotice?: (notice: StoreNotice) => void;
  now?: () => number;
  /** Seen by tests: every replacement of remotes.json passes here. */
  writeHooks?: AtomicWriteHooks;
}

/**
 * The one place that changes saved remotes: it keeps remotes.json and the keychain in step.
 * Keychain values are written before the file and old ones deleted after it, so a failure in
 * between leaves at worst an unused keychain entry, never a remote whose secret was lost.
 */
export class RemoteService {
  readonly store: RemoteStore;
  readonly vault: SecretVault;

  constructor(options: RemoteServiceOptions) {
    this.vault = options.vault;
    this.store = new RemoteStore({
      dataDir: options.dataDir,
      now: options.now,
      onNotice: options.onNotice,
      writeHooks: options.writeHooks,
      onMigratedSecrets: async (secrets) => {
        for (const s of secrets) await this.vault.set(s.account, s.value);
      },
    });
  }

  /** Every remote, secret headers marked with `has_value` and env secrets in `envHasValue` (left unset when the keychain cannot be asked). */
  async list(): Promise<Remote[]> {
    return this.withHasValue(await this.store.list());
  }

  async get(idOrName: string): Promise<Remote | undefined> {
    const remote = await this.store.get(idOrName);
    return remote ? (await this.withHasValue([remote]))[0] : undefined;
  }

  /**
   * Saves a new remote. `imported`: the draft came from a file, not from the user's own hands, so
   * a stdio command it holds does not run until the user confirms it (commandNeedsConfirmation).
   */
  async create(input: RemoteInput, options: { imported?: boolean } = {}): Promise<SaveResult> {
    const { draft, warnings } = validateDraft(input);
    const id = randomUUID();
    const { headers, plan } = planHeaderSecrets(id, draft.headers, undefined);
    const { env, plan: envPlan } = planEnvSecrets(id, draft.env, undefined);
    const fields: RemoteFields = { ...withoutOAuthSecret(draft), headers, env, commandNeedsConfirmation: Boolean(options.imported) && runsCommand(draft) };
    const written = await this.applyWrites(joinPlans(joinPlans(plan, envPlan), planOAuthSecret(id, draft, undefined)));
    try {
      const remote = await this.store.create(fields, { id });
      return { remote: await this.one(remote), warnings };
    } catch (error) {
      await this.deleteQuietly(written);
      throw error;
    }
  }

  /**
   * Creates many remotes with one write of remotes.json (see RemoteStore.createMany); each input
   * succeeds or fails on its own, with the same checks and keychain handling as create().
   */
  async createMany(inputs: RemoteInput[], options: { imported?: boolean } = {}): Promise<Array<SaveResult | { error: PeriscopeError }>> {
    const outcomes: Array<SaveResult | { error: PeriscopeError } | undefined> = new Array(inputs.length);
    const planned: Array<{ index: number; id: string; fields: RemoteFields; warnings: string[]; written: string[] }> = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const { draft, warnings } = validateDraft(input);
        const id = randomUUID();
        const { headers, plan } = planHeaderSecrets(id, draft.headers, undefined);
        const { env, plan: envPlan } = planEnvSecrets(id, draft.env, undefined);
        const commandNeedsConfirmation = Boolean(options.imported) && runsCommand(draft);
        const secrets = joinPlans(joinPlans(plan, envPlan), planOAuthSecret(id, draft, undefined));
        planned.push({ index, id, fields: { ...withoutOAuthSecret(draft), headers, env, commandNeedsConfirmation }, warnings, written: await this.applyWrites(secrets) });
      } catch (error) {
        if (!isPeriscopeError(error)) throw error;
        outcomes[index] = { error };
      }
    }
    let stored: Awaited<ReturnType<RemoteStore['createMany']>>;
    try {
      stored = await this.store.createMany(planned.map(({ id, fields }) => ({ id, fields })));
    } catch (error) {
      for (const p of planned) await this.deleteQuietly(p.written);
      throw error;
    }
    const created = stored.flatMap((outcome) => ('remote' in outcome ? [outcome.remote] : []));
    const shown = new Map((await this.withHasValue(created)).map((r) => [r.id, r]));
    for (const [i, p] of planned.entries()) {
      const outcome = stored[i]!;
      if ('error' in outcome) {
        await this.deleteQuietly(p.written);
        outcomes[p.index] = outcome;
      } else {
        outcomes[p.index] = { remote: shown.get(outcome.remote.id)!, warnings: p.warnings };
      }
    }
    return outcomes as Array<SaveResult | { error: PeriscopeError }>;
  }

  async update(idOrName: string, input: RemoteInput): Promise<SaveResult> {
    const current = await this.store.require(idOrName);
    const { draft, warnings } = validateDraft(input);
    const { headers, plan: headerPlan } = planHeaderSecrets(current.id, draft.headers, current);
    const { env, plan: envPlan } = planEnvSecrets(current.id, draft.env, current);
    const plan = joinPlans(joinPlans(headerPlan, envPlan), planOAuthSecret(current.id, draft, current));
    const written = await this.applyWrites(plan);
    // Editing the command (or its arguments) is writing it yourself; any other edit keeps an
    // imported command unconfirmed.
    const commandKept = draft.command === current.command && sameList(draft.args, current.args);
    const commandNeedsConfirmation = current.commandNeedsConfirmation && runsCommand(draft) && commandKept;
    let remote: Remote;
    try {
      // The editor and `remotes edit` leave these out: they are set in the Requests section.
      const kept = { serverRequestPolicy: draft.serverRequestPolicy ?? current.serverRequestPolicy, roots: draft.roots ?? current.roots };
      remote = await this.store.update(current.id, { ...withoutOAuthSecret(draft), ...kept, headers, env, commandNeedsConfirmation });
    } catch (error) {
      const existing = new Set([...secretAccountsOf(current), ...oauthSecretAccounts(current)]);
      await this.deleteQuietly(written.filter((a) => !existing.has(a)));
      throw error;
    }
    for (const account of plan.deletes) await this.vault.delete(account);
    return { remote: await this.one(remote), warnings };
  }

  async duplicate(idOrName: string, name?: string): Promise<SaveResult> {
    const source = await this.store.require(idOrName);
    const id = randomUUID();
    const copies: VaultPlan['writes'] = [
      ...source.headers.filter((h) => h.is_secret).map((h) => ({ account: secretAccount(id, h.name), copyFrom: secretAccount(source.id, h.name) })),
      ...copyEnvSecrets(source, id),
      ...oauthSecretAccounts(source).map(() => ({ account: remoteClientSecretAccount(id), copyFrom: remoteClientSecretAccount(source.id) })),
    ];
    const written = await this.applyWrites({ writes: copies, deletes: [] });
    try {
      const remote = await this.store.duplicate(source.id, { id, name });
      return { remote: await this.one(remote), warnings: [] };
    } catch (error) {
      await this.deleteQuietly(written);
      throw error;
    }
  }

  /** Removes the remote and every keychain entry it owned. */
  async remove(idOrName: string): Promise<Remote> {
    const remote = await this.store.require(idOrName);
    const removed = await this.store.remove(remote.id);
    const known = [...secretAccountsOf(removed), ...oauthSecretAccounts(removed)];
    if (known.length > 0) {
      const stray = accountsOfRemote(await this.vault.list(), removed.id);
      for (const account of new Set([...known, ...stray])) await this.vault.delete(account);
    } else if (removed.url) {
      // Tokens of a sign-in (`<id>:oauth:tokens:<url>`) go with the remote; a remote that never
      // had a secret must not fail to be removed because there is no keychain to ask.
      const stray = await this.vault.list().then((accounts) => accountsOfRemote(accounts, removed.id), () => []);
      for (const account of stray) await this.vault.delete(account).catch(() => false);
    }
    return removed;
  }

  /**
   * The user has seen the command of an imported stdio remote (its arguments and env names) and
   * lets it run: clears commandNeedsConfirmation. Confirming a remote that needs none is a no-op.
   */
  async confirmCommand(idOrName: string): Promise<Remote> {
    const current = await this.store.require(idOrName);
    if (!current.commandNeedsConfirmation) return this.one(current);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = current;
    return this.one(await this.store.update(current.id, { ...fields, commandNeedsConfirmation: false }));
  }

  /**
   * Stores how the remote answers its server's requests and the roots it offers (the Requests
   * section). Only what `patch` names changes; `ask` and an empty list are stored as absent.
   * Throws `not-found` for an unknown remote and `invalid-input` for a root that is not a URI.
   */
  async setServerRequests(idOrName: string, patch: { policy?: ServerRequestPolicy; roots?: Root[] }): Promise<Remote> {
    const current = await this.store.require(idOrName);
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = current;
    const checked = patch.roots !== undefined ? Roots.safeParse(patch.roots) : undefined;
    if (checked && !checked.success) {
      throw new PeriscopeError({ kind: 'invalid-input', message: `Roots not saved: ${checked.error.issues[0]?.message ?? 'invalid list'}.`, hint: 'A root is a URI such as file:///home/me/project.' });
    }
    const roots = checked ? checked.data : current.roots;
    const policy = patch.policy ?? current.serverRequestPolicy;
    const next = { ...fields, serverRequestPolicy: policy === 'ask' ? undefined : policy, roots: roots && roots.length > 0 ? roots : undefined };
    return this.one(await this.store.update(current.id, next));
  }

  /** Reads the remote's secrets and builds its connection target; see resolveRemoteForConnection. */
  async resolveForConnection(idOrName: string): Promise<{ target: ConnectionTargetInput; label: string }> {
    return resolveRemoteForConnection(await this.store.require(idOrName), this.vault);
  }

  /** Every instance of a remote (a group: its own URL first, then the others), each with the remote's settings and secrets. */
  async resolveGroupForConnection(idOrName: string): Promise<InstanceTarget[]> {
    return resolveGroupForConnection(await this.store.require(idOrName), this.vault);
  }

  /** Imports every usable entry of a seed-format or mcpServers file; reports each entry. */
  async importText(text: string): Promise<ImportReport> {
    const { format, candidates } = parseImportText(text);
    return importCandidates(this, format, candidates);
  }

  /**
   * The remotes named by `ids` (ids or names, matched like `get`), else every remote, in the seed
   * format. A name that matches no remote is `not-found`, naming each one: an export that quietly
   * leaves out what was asked for would look like a success.
   */
  async exportRemotes(options: ExportOptions & { ids?: string[] } = {}): Promise<SeedRemote[]> {
    const all = await this.store.list();
    if (!options.ids) return exportRemotes(all, this.vault, options);
    const found = options.ids.map((idOrName) => ({ idOrName, remote: findRemote(all, idOrName) }));
    const unknown = found.filter((f) => !f.remote).map((f) => f.idOrName);
    if (unknown.length > 0) {
      throw new PeriscopeError({
        kind: 'not-found',
        message: `No saved remote is called ${unknown.map((n) => `"${n}"`).join(', ')}; nothing was exported.`,
        hint: all.length > 0 ? `Saved remotes: ${all.map((r) => r.name).join(', ')}.` : 'There are no saved remotes yet: add one, or import a file of remotes.',
        detail: { unknown },
      });
    }
    const chosen = [...new Set(found.map((f) => f.remote!))];
    return exportRemotes(chosen, this.vault, options);
  }

  private async one(remote: Remote): Promise<Remote> {
    return (await this.withHasValue([remote]))[0];
  }

  private withHasValue(remotes: Remote[]): Promise<Remote[]> {
    return withSecretPresence(this.vault, remotes);
  }

  private applyWrites(plan: VaultPlan): Promise<string[]> {
    return applyVaultWrites(this.vault, plan);
  }

  private deleteQuietly(accounts: string[]): Promise<void> {
    return deleteAccountsQuietly(this.vault, accounts);
  }
}

function joinPlans(a: VaultPlan, b: VaultPlan): VaultPlan {
  return { writes: [...a.writes, ...b.writes], deletes: [...a.deletes, ...b.deletes] };
}

function runsCommand(draft: Pick<RemoteDraft, 'transport' | 'command'>): boolean {
  return draft.transport === 'stdio' && Boolean(draft.command?.trim());
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function validateDraft(input: RemoteInput): { draft: RemoteDraft; warnings: string[] } {
  const check = checkRemoteDraft(input);
  if (!check.ok) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `The remote is not valid: ${formatRuleIssues(check.issues)}`,
      hint: 'Fix the fields named above and save again.',
      detail: { issues: check.issues },
    });
  }
  const { headers, warnings } = promoteCredentialHeaders(check.draft.headers);
  return { draft: { ...check.draft, headers }, warnings: [...check.warnings, ...warnings] };
}
