import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRemotesFile } from '../../../main/core/remotes/remotes-file';
import { RemoteStore, type StoreNotice } from '../../../main/core/remotes/remote-store';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const v0 = [
  {
    id: 'old-1',
    name: 'prod',
    transport_type: 'streamable',
    url: 'https://mcp-api.yourcompany.com/v1/mcp',
    created: '2025-05-01T10:00:00.000Z',
    headers: [
      { name: 'Authorization', value: 'Bearer prod_token_xyz123', description: 'auth', is_required: true, is_secret: true },
      { name: 'X-Client-Version', value: '1.0.0', description: '', is_required: false, is_secret: false },
    ],
  },
  { name: 'dev', transport_type: 'sse', url: 'http://localhost:3000/sse' },
];

describe('remotes.json migrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-migrate-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads v0 (a bare array in seed field names) as v1 and pulls secret values out', () => {
    const reading = readRemotesFile(v0, 1000);
    if (reading.status !== 'ok') throw new Error(reading.status);
    expect(reading.migratedFrom).toBe(0);
    const [prod, dev] = reading.file.remotes;
    expect(prod).toMatchObject({ id: 'old-1', transport: 'streamable', createdAt: Date.parse('2025-05-01T10:00:00.000Z') });
    expect(prod.headers[0]).toMatchObject({ name: 'Authorization', value: '', is_secret: true });
    expect(prod.headers[1].value).toBe('1.0.0');
    expect(dev).toMatchObject({ transport: 'sse', createdAt: 1000, updatedAt: 1000, notes: '' });
    expect(dev.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reading.secrets).toEqual([{ remoteId: 'old-1', headerName: 'Authorization', value: 'Bearer prod_token_xyz123' }]);
  });

  it('moves v0 secrets to the vault first, then rewrites the file as v1 without them', async () => {
    await writeFile(join(dir, 'remotes.json'), JSON.stringify(v0));
    const vault = new Map<string, string>();
    const notices: StoreNotice[] = [];
    const store = new RemoteStore({
      dataDir: dir,
      onNotice: (n) => notices.push(n),
      onMigratedSecrets: async (secrets) => secrets.forEach((s) => vault.set(`${s.remoteId}:${s.headerName}`, s.value)),
    });
    expect((await store.list()).map((r) => r.name)).toEqual(['prod', 'dev']);
    expect(vault.get('old-1:Authorization')).toBe('Bearer prod_token_xyz123');
    const text = await readFile(join(dir, 'remotes.json'), 'utf8');
    expect(JSON.parse(text).schemaVersion).toBe(1);
    expect(text).not.toContain('prod_token_xyz123');
    expect(notices[0]).toMatchObject({ kind: 'migrated' });
  });

  it('refuses to migrate inline secrets without a keychain, leaving the file as it was', async () => {
    const original = JSON.stringify(v0);
    await writeFile(join(dir, 'remotes.json'), original);
    const error = await new RemoteStore({ dataDir: dir }).list().catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('storage');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).toBe(original);
  });

  it('keeps the vault step atomic: if the keychain fails, the old file stays', async () => {
    const original = JSON.stringify(v0);
    await writeFile(join(dir, 'remotes.json'), original);
    const store = new RemoteStore({ dataDir: dir, onMigratedSecrets: async () => Promise.reject(new Error('keychain locked')) });
    await expect(store.list()).rejects.toThrow('keychain locked');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).toBe(original);
  });
});
