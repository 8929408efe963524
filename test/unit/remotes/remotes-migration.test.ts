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
    expect(reading.secrets).toEqual([{ account: 'old-1:Authorization', value: 'Bearer prod_token_xyz123' }]);
  });

  it('moves v0 secrets to the vault first, then rewrites the file as v1 without them', async () => {
    await writeFile(join(dir, 'remotes.json'), JSON.stringify(v0));
    const vault = new Map<string, string>();
    const notices: StoreNotice[] = [];
    const store = new RemoteStore({
      dataDir: dir,
      onNotice: (n) => notices.push(n),
      onMigratedSecrets: async (secrets) => secrets.forEach((s) => vault.set(s.account, s.value)),
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

  /** A current-format file as an older build wrote it: stdio env credentials in plain text; or a hand-edited secret header. */
  const v1WithPlainSecrets = {
    schemaVersion: 1,
    remotes: [
      {
        id: 'stdio-1',
        name: 'local',
        transport: 'stdio',
        command: 'npx',
        args: ['server'],
        env: { OPENAI_API_KEY: 'sk-plain-env-111', GITHUB_TOKEN: 'ghp-plain-222', DB_PASSWORD: 'pw-plain-333', REGION: 'eu-west-1', TOKENIZERS_PARALLELISM: 'false' },
        headers: [],
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'http-1',
        name: 'remote',
        transport: 'streamable',
        url: 'https://h.example/mcp',
        headers: [{ name: 'X-Api-Key', value: 'hand-edited-444', description: '', is_required: true, is_secret: true }],
        createdAt: 1,
        updatedAt: 1,
      },
    ],
  };

  it('sweeps plain-text secrets out of a current-format file: credential env values and inline secret headers go to the keychain', async () => {
    await writeFile(join(dir, 'remotes.json'), JSON.stringify(v1WithPlainSecrets));
    const vault = new Map<string, string>();
    const notices: StoreNotice[] = [];
    const store = new RemoteStore({ dataDir: dir, onNotice: (n) => notices.push(n), onMigratedSecrets: async (secrets) => secrets.forEach((s) => vault.set(s.account, s.value)) });
    const [local, remote] = await store.list();
    expect(local!.env).toEqual({ OPENAI_API_KEY: '', GITHUB_TOKEN: '', DB_PASSWORD: '', REGION: 'eu-west-1', TOKENIZERS_PARALLELISM: 'false' });
    expect(remote!.headers[0]!.value).toBe('');
    expect(Object.fromEntries(vault)).toEqual({
      'stdio-1:env:OPENAI_API_KEY': 'sk-plain-env-111',
      'stdio-1:env:GITHUB_TOKEN': 'ghp-plain-222',
      'stdio-1:env:DB_PASSWORD': 'pw-plain-333',
      'http-1:X-Api-Key': 'hand-edited-444',
    });
    const text = await readFile(join(dir, 'remotes.json'), 'utf8');
    for (const value of ['sk-plain-env-111', 'ghp-plain-222', 'pw-plain-333', 'hand-edited-444']) expect(text).not.toContain(value);
    expect(text).toContain('eu-west-1');
    expect(notices[0]).toMatchObject({ kind: 'migrated', message: expect.stringContaining('4 secret value(s) moved to the system keychain') });
    // Once swept, reading again finds nothing more to move.
    vault.clear();
    await store.list();
    expect(vault.size).toBe(0);
  });

  it('refuses to sweep a current-format file without a keychain, leaving it as it was', async () => {
    const original = JSON.stringify(v1WithPlainSecrets);
    await writeFile(join(dir, 'remotes.json'), original);
    const error = await new RemoteStore({ dataDir: dir }).list().catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('storage');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).toBe(original);
  });
});
