import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looksLikeCredentialEnv, type RemoteInput } from '../../../shared/model';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { withoutSecretValues } from '../../../main/core/service/remote-handlers';
import { MemoryVault } from './memory-vault';

const KEY = 'sk-env-secret+/"=ü-7781';
const TOKEN = 'ghp_env_token_0042';

const stdio = (env: Record<string, string>, over: Partial<RemoteInput> = {}): RemoteInput => ({
  name: 'local',
  transport: 'stdio',
  command: 'node',
  args: ['server.js'],
  env,
  headers: [],
  ...over,
});

describe('looksLikeCredentialEnv', () => {
  it('knows credential names by their parts, and leaves look-alikes alone', () => {
    for (const name of ['API_KEY', 'OPENAI_API_KEY', 'GITHUB_TOKEN', 'HF_TOKEN', 'CLIENT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'PGPASSWORD', 'STRIPE_KEY', 'SMTP_PASS', 'BASIC_AUTH', 'gh-token', 'apikey', 'SESSION_COOKIE']) {
      expect(looksLikeCredentialEnv(name), name).toBe(true);
    }
    for (const name of ['REGION', 'LOG_LEVEL', 'TOKENIZERS_PARALLELISM', 'AUTHOR', 'PWD', 'OLDPWD', 'PATH', 'KEYBOARD_LAYOUT', 'NODE_ENV']) {
      expect(looksLikeCredentialEnv(name), name).toBe(false);
    }
  });
});

describe('stdio env secrets (RemoteService + keychain)', () => {
  let dir: string;
  let vault: MemoryVault;
  let service: RemoteService;
  const fileText = () => readFile(join(dir, 'remotes.json'), 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-env-secrets-'));
    vault = new MemoryVault();
    service = new RemoteService({ dataDir: dir, vault });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps credential-looking values in the keychain under <remoteId>:env:<NAME>, shows them as set, never writes them to the file', async () => {
    const { remote } = await service.create(stdio({ OPENAI_API_KEY: KEY, GITHUB_TOKEN: TOKEN, REGION: 'eu-west-1' }));
    expect(remote.env).toEqual({ OPENAI_API_KEY: '', GITHUB_TOKEN: '', REGION: 'eu-west-1' });
    expect(remote.envHasValue).toEqual({ OPENAI_API_KEY: true, GITHUB_TOKEN: true });
    expect(Object.fromEntries(vault.entries)).toEqual({ [`${remote.id}:env:OPENAI_API_KEY`]: KEY, [`${remote.id}:env:GITHUB_TOKEN`]: TOKEN });
    const text = await fileText();
    expect(text).not.toContain('sk-env-secret');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('envHasValue');
    expect(text).toContain('eu-west-1');
  });

  it('on edit: a new value replaces, an empty one keeps, a left-out one is deleted; the connection target gets the real values', async () => {
    const { remote } = await service.create(stdio({ OPENAI_API_KEY: KEY, GITHUB_TOKEN: TOKEN, DB_PASSWORD: 'pw-1' }));
    const { remote: edited } = await service.update(remote.id, stdio({ OPENAI_API_KEY: '', GITHUB_TOKEN: 'ghp_new_9', REGION: 'us' }));
    expect(edited.envHasValue).toEqual({ OPENAI_API_KEY: true, GITHUB_TOKEN: true });
    expect(vault.entries.get(`${remote.id}:env:OPENAI_API_KEY`)).toBe(KEY);
    expect(vault.entries.get(`${remote.id}:env:GITHUB_TOKEN`)).toBe('ghp_new_9');
    expect(vault.entries.has(`${remote.id}:env:DB_PASSWORD`)).toBe(false);
    const { target } = await service.resolveForConnection(remote.id);
    expect(target.env).toEqual({ OPENAI_API_KEY: KEY, GITHUB_TOKEN: 'ghp_new_9', REGION: 'us' });
  });

  it('a credential variable without a stored value is shown as not set and left out of the environment', async () => {
    const { remote } = await service.create(stdio({ OPENAI_API_KEY: '', REGION: 'eu' }));
    expect(remote.envHasValue).toEqual({ OPENAI_API_KEY: false });
    expect((await service.resolveForConnection(remote.id)).target.env).toEqual({ REGION: 'eu' });
  });

  it('duplicate copies the env secrets; remove deletes them; a remote that stops being stdio drops them', async () => {
    const { remote } = await service.create(stdio({ OPENAI_API_KEY: KEY }));
    const { remote: copy } = await service.duplicate(remote.id);
    expect(vault.entries.get(`${copy.id}:env:OPENAI_API_KEY`)).toBe(KEY);
    await service.remove(copy.id);
    expect(vault.entries.has(`${copy.id}:env:OPENAI_API_KEY`)).toBe(false);
    await service.update(remote.id, { name: 'local', transport: 'streamable', url: 'https://h.example/mcp', env: {}, headers: [] });
    expect([...vault.entries.keys()]).toEqual([]);
  });

  it('exports leave env secrets empty unless explicitly asked; import puts them in the keychain', async () => {
    await service.create(stdio({ OPENAI_API_KEY: KEY, REGION: 'eu' }));
    const [plain] = await service.exportRemotes();
    expect(plain!.env).toEqual({ OPENAI_API_KEY: '', REGION: 'eu' });
    const [full] = await service.exportRemotes({ includeSecrets: true });
    expect(full!.env).toEqual({ OPENAI_API_KEY: KEY, REGION: 'eu' });

    const other = new RemoteService({ dataDir: join(dir, 'other'), vault });
    const report = await other.importText(JSON.stringify({ mcpServers: { imported: { command: 'npx', args: ['srv'], env: { OPENAI_API_KEY: KEY, REGION: 'eu' } } } }));
    expect(report.entries[0]).toMatchObject({ status: 'imported', warnings: [expect.stringContaining('OPENAI_API_KEY')] });
    const id = report.entries[0]!.remoteId!;
    expect(vault.entries.get(`${id}:env:OPENAI_API_KEY`)).toBe(KEY);
    expect(await readFile(join(dir, 'other', 'remotes.json'), 'utf8')).not.toContain('sk-env-secret');
    const seed = await other.importText(JSON.stringify({ name: 'seeded', transport_type: 'stdio', command: 'npx', headers: [], env: { GITHUB_TOKEN: TOKEN } }));
    expect(vault.entries.get(`${seed.entries[0]!.remoteId}:env:GITHUB_TOKEN`)).toBe(TOKEN);
  });

  it('what the window receives never holds an env secret value, whatever the store returns', () => {
    const remote = { id: 'r', name: 'x', transport: 'stdio' as const, args: [], instances: [], env: { API_KEY: 'leaked-if-shown', A: 'b' }, headers: [], timeouts: {}, tls: { caFiles: [], acceptInvalidCertificates: false }, protocolEra: 'auto' as const, commandNeedsConfirmation: false, notes: '', createdAt: 1, updatedAt: 1 };
    expect(withoutSecretValues(remote).env).toEqual({ API_KEY: '', A: 'b' });
  });
});
