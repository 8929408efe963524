import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { Remote, TransportChoice } from '../../../shared/model';

/**
 * The on-disk shape of remotes.json and how older shapes become the current one.
 *
 * v0 is the shape of the first builds and of hand-written files: a bare array of remotes in the
 * seed's field names (`transport_type`, secret values inline, ISO dates). v1 wraps the list with
 * a schemaVersion, uses the model's field names, and never holds a secret value.
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

/** A secret value found inline in an old file: it must go to the keychain, not to the new file. */
export interface MigratedSecret {
  remoteId: string;
  headerName: string;
  value: string;
}

export type FileReading =
  | { status: 'ok'; file: RemotesFileV1; migratedFrom?: number; secrets: MigratedSecret[] }
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
    const checked = RemotesFileV1.safeParse(file);
    if (!checked.success) return { status: 'invalid', reason: zodReason(checked.error) };
    return { status: 'ok', file: checked.data, migratedFrom: 0, secrets };
  }
  const parsed = RemotesFileV1.safeParse(json);
  if (!parsed.success) return { status: 'invalid', reason: zodReason(parsed.error) };
  return { status: 'ok', file: parsed.data, secrets: [] };
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
      if (h.is_secret && h.value !== '') secrets.push({ remoteId: id, headerName: h.name, value: h.value });
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

/** What goes to disk: the model minus anything that must not be persisted. */
export function serializeRemotesFile(remotes: Remote[]): string {
  const clean = remotes.map((r) => ({
    ...r,
    headers: r.headers.map(({ has_value: _hasValue, ...h }) => ({ ...h, value: h.is_secret ? '' : h.value })),
  }));
  return `${JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, remotes: clean }, null, 2)}\n`;
}
