import * as z from 'zod';
import { randomUUID } from 'node:crypto';
import { looksLikeCredentialEnv, Remote, TransportChoice } from '../../../shared/model';
import { envSecretAccount, secretAccount } from '../secrets/secret-vault';
import { sweepUrlCredentials } from './url-credentials-sweep';

/**
 * The on-disk shape of remotes.json and how older shapes become the current one.
 *
 * v0 is the shape of the first builds and of hand-written files: a bare array of remotes in the
 * seed's field names (`transport_type`, secret values inline, ISO dates). v1 wraps the list with
 * a schemaVersion, uses the model's field names, and never holds a secret value.
 *
 * A v1 file can still hold secrets in plain text: written by a build that stored stdio env
 * values as they were, or edited by hand. Reading sweeps them out (sweepPlainSecrets) the same
 * way as a v0 migration: into the keychain first, then the file is rewritten without them.
 */
export const CURRENT_SCHEMA_VERSION = 1;

export const RemotesFileV1 = z.object({
  schemaVersion: z.literal(1),
  remotes: z.array(Remote),
});
export type RemotesFileV1 = z.infer<typeof RemotesFileV1>;

const SeedHeaderV0 = z.object({
  name: z.string(),
  value: z.string().default(''),
  description: z.string().default(''),
  is_required: z.boolean().default(false),
  is_secret: z.boolean().default(false),
});
const RemoteV0 = z.object({
  id: z.string().optional(),
  name: z.string(),
  transport_type: TransportChoice,
  url: z.string().optional(),
  headers: z.array(SeedHeaderV0).default([]),
  notes: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
});
const RemotesFileV0 = z.array(RemoteV0);

/** A secret value found inline in a file: it must go to the keychain (this account), not to the new file. */
export interface MigratedSecret {
  account: string;
  value: string;
}

export type FileReading =
  /** `urlCredentialsRemoved`: some URL had user:password@ (the file must be rewritten without it, secrets or not). */
  | { status: 'ok'; file: RemotesFileV1; migratedFrom?: number; secrets: MigratedSecret[]; urlCredentialsRemoved?: boolean }
  | { status: 'newer'; version: number }
  | { status: 'invalid'; reason: string };

/** Reads parsed JSON of any known version into v1. Never throws. */
export function readRemotesFile(json: unknown, now: number): FileReading {
  const version = detectVersion(json);
  if (version === undefined) return { status: 'invalid', reason: 'it is neither a list of remotes nor an object with a schemaVersion' };
  if (version > CURRENT_SCHEMA_VERSION) return { status: 'newer', version };
  if (version === 0) {
    const parsed = RemotesFileV0.safeParse(json);
    if (!parsed.success) return { status: 'invalid', reason: zodReason(parsed.error) };
    const { file, secrets } = migrateV0(parsed.data, now);
    const fromUrls = sweepUrlCredentials(file);
    const checked = RemotesFileV1.safeParse(fromUrls.file);
    if (!checked.success) return { status: 'invalid', reason: zodReason(checked.error) };
    const swept = sweepPlainSecrets(checked.data);
    return { status: 'ok', file: swept.file, migratedFrom: 0, secrets: [...secrets, ...fromUrls.secrets, ...swept.secrets], ...(fromUrls.changed ? { urlCredentialsRemoved: true } : {}) };
  }
  // Before the schema check, which refuses a URL with user:password@ (see sweepUrlCredentials).
  const fromUrls = sweepUrlCredentials(json);
  const parsed = RemotesFileV1.safeParse(fromUrls.file);
  if (!parsed.success) return { status: 'invalid', reason: zodReason(parsed.error) };
  const swept = sweepPlainSecrets(parsed.data);
  const secrets = [...fromUrls.secrets, ...swept.secrets];
  if (fromUrls.changed) return { status: 'ok', file: swept.file, migratedFrom: 1, secrets, urlCredentialsRemoved: true };
  return secrets.length > 0 ? { status: 'ok', file: swept.file, migratedFrom: 1, secrets } : { status: 'ok', file: parsed.data, secrets: [] };
}

/**
 * Secret values a current-format file holds in plain text (credential-looking stdio env
 * values, secret headers with an inline value), and the file without them.
 */
export function sweepPlainSecrets(file: RemotesFileV1): { file: RemotesFileV1; secrets: MigratedSecret[] } {
  const secrets: MigratedSecret[] = [];
  const remotes = file.remotes.map((remote) => {
    const env = Object.fromEntries(
      Object.entries(remote.env).map(([name, value]) => {
        if (!looksLikeCredentialEnv(name) || value === '') return [name, value];
        secrets.push({ account: envSecretAccount(remote.id, name), value });
        return [name, ''];
      }),
    );
    const headers = remote.headers.map((h) => {
      if (!h.is_secret || h.value === '') return h;
      secrets.push({ account: secretAccount(remote.id, h.name), value: h.value });
      return { ...h, value: '' };
    });
    return { ...remote, env, headers };
  });
  return { file: { ...file, remotes }, secrets };
}

function detectVersion(json: unknown): number | undefined {
  if (Array.isArray(json)) return 0;
  if (json && typeof json === 'object' && 'schemaVersion' in json) {
    const v = (json as { schemaVersion: unknown }).schemaVersion;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  }
  return undefined;
}

export function migrateV0(remotes: z.infer<typeof RemotesFileV0>, now: number): { file: unknown; secrets: MigratedSecret[] } {
  const secrets: MigratedSecret[] = [];
  const migrated = remotes.map((old) => {
    const id = old.id ?? randomUUID();
    const headers = old.headers.map((h) => {
      if (h.is_secret && h.value !== '') secrets.push({ account: secretAccount(id, h.name), value: h.value });
      return { ...h, value: h.is_secret ? '' : h.value };
    });
    const createdAt = parseTime(old.created) ?? now;
    return {
      id,
      name: old.name,
      transport: old.transport_type,
      url: old.url,
      headers,
      notes: old.notes ?? '',
      createdAt,
      updatedAt: parseTime(old.updated) ?? createdAt,
    };
  });
  return { file: { schemaVersion: 1, remotes: migrated }, secrets };
}

function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function zodReason(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  return `${first?.message ?? 'invalid content'}${where}`;
}

/** What goes to disk: the model minus anything that must not be persisted (secret values, has-value flags). */
export function serializeRemotesFile(remotes: Remote[]): string {
  const clean = remotes.map(({ envHasValue: _envHasValue, ...r }) => ({
    ...r,
    env: Object.fromEntries(Object.entries(r.env).map(([name, value]) => [name, looksLikeCredentialEnv(name) ? '' : value])),
    headers: r.headers.map(({ has_value: _hasValue, ...h }) => ({ ...h, value: h.is_secret ? '' : h.value })),
  }));
  return `${JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, remotes: clean }, null, 2)}\n`;
}
