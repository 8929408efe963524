import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RemoteInput } from '../../../shared/model';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { resolveRemoteForConnection } from '../../../main/core/remotes/resolve-remote';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';
import { cliHint } from '../../../main/cli/fix-options';

const TOKEN = 'Bearer tok-9f8e7d6c5b4a';

const input = (over: Partial<RemoteInput> = {}): RemoteInput => ({
  name: 'staging-api',
  transport: 'streamable',
  url: 'https://staging.example.com/mcp',
  headers: [
    { name: 'Authorization', value: TOKEN, description: 'auth', is_required: true, is_secret: true },
    { name: 'X-Env', value: 'staging', description: '', is_required: false, is_secret: false },
  ],
  ...over,
});

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('RemoteService (store + vault)', () => {
  let dir: string;
  let vault: MemoryVault;
  let service: RemoteService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-service-'));
    vault = new MemoryVault();
    service = new RemoteService({ dataDir: dir, vault });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const fileText = () => readFile(join(dir, 'remotes.json'), 'utf8');

  it('keeps secret values in the vault only, and reports has_value', async () => {
    const { remote, warnings } = await service.create(input());
    expect(warnings).toEqual([]);
    expect(vault.entries.get(`${remote.id}:Authorization`)).toBe(TOKEN);
    expect(await fileText()).not.toContain('tok-9f8e7d6c5b4a');
    expect(remote.headers[0]).toMatchObject({ name: 'Authorization', value: '', has_value: true });
    expect(remote.headers[1]).toMatchObject({ name: 'X-Env', value: 'staging' });
    expect(remote.headers[1].has_value).toBeUndefined();
  });

  it('treats credential-looking headers as secret even when not ticked, with a warning', async () => {
    const { remote, warnings } = await service.create(input({ headers: [{ name: 'X-API-Key', value: 'key-123', description: '', is_required: true, is_secret: false }] }));
    expect(remote.headers[0].is_secret).toBe(true);
    expect(warnings[0]).toContain('"X-API-Key" looks like a credential');
    expect(vault.entries.get(`${remote.id}:X-API-Key`)).toBe('key-123');
    expect(await fileText()).not.toContain('key-123');
  });

  it('returns plain-http credential warnings alongside the saved remote', async () => {
    const { warnings } = await service.create(input({ url: 'http://staging.example.com/mcp' }));
    expect(warnings.join(' ')).toContain('unencrypted over http://');
  });

  it('keeps the stored secret when an edit leaves the value empty, replaces it when given', async () => {
    const { remote } = await service.create(input());
    await service.update(remote.id, input({ headers: [{ name: 'Authorization', description: 'auth', is_required: true, is_secret: true }] }));
    expect(vault.entries.get(`${remote.id}:Authorization`)).toBe(TOKEN);
    await service.update(remote.id, input({ headers: [{ name: 'Authorization', value: 'Bearer new', description: '', is_required: true, is_secret: true }] }));
    expect(vault.entries.get(`${remote.id}:Authorization`)).toBe('Bearer new');
    const cleared = await service.update(remote.id, input({ headers: [{ name: 'Authorization', clearValue: true, description: '', is_required: true, is_secret: true }] }));
    expect(vault.entries.has(`${remote.id}:Authorization`)).toBe(false);
    expect(cleared.remote.headers[0].has_value).toBe(false);
  });

  it('moves the keychain entry when a secret header is renamed', async () => {
    const { remote } = await service.create(input({ headers: [{ name: 'X-Token', value: 'abc', description: '', is_required: true, is_secret: true }] }));
    await service.update(remote.id, input({ headers: [{ name: 'X-Auth-Token', previousName: 'X-Token', description: '', is_required: true, is_secret: true }] }));
    expect([...vault.entries]).toEqual([[`${remote.id}:X-Auth-Token`, 'abc']]);
  });

  it('swaps the values correctly when two secret headers exchange names', async () => {
    const { remote } = await service.create(input({ headers: [
      { name: 'X-A-Secret', value: 'one', description: '', is_required: false, is_secret: true },
      { name: 'X-B-Secret', value: 'two', description: '', is_required: false, is_secret: true },
    ] }));
    await service.update(remote.id, input({ headers: [
      { name: 'X-B-Secret', previousName: 'X-A-Secret', description: '', is_required: false, is_secret: true },
      { name: 'X-A-Secret', previousName: 'X-B-Secret', description: '', is_required: false, is_secret: true },
    ] }));
    expect(vault.entries.get(`${remote.id}:X-B-Secret`)).toBe('one');
    expect(vault.entries.get(`${remote.id}:X-A-Secret`)).toBe('two');
  });

  it('deletes the keychain entry of a removed header, and of a header that stops being secret', async () => {
    const { remote } = await service.create(input({ headers: [
      { name: 'Authorization', value: TOKEN, description: '', is_required: true, is_secret: true },
      { name: 'X-Opaque', value: 'op', description: '', is_required: false, is_secret: true },
    ] }));
    await service.update(remote.id, input({ headers: [{ name: 'X-Opaque', value: 'visible', description: '', is_required: false, is_secret: false }] }));
    expect(vault.entries.size).toBe(0);
    expect(await fileText()).toContain('visible');
  });

  it('moves a value off the disk when a header becomes secret', async () => {
    const { remote } = await service.create(input({ headers: [{ name: 'X-Opaque', value: 'was-plain', description: '', is_required: false, is_secret: false }] }));
    await service.update(remote.id, input({ headers: [{ name: 'X-Opaque', description: '', is_required: false, is_secret: true }] }));
    expect(vault.entries.get(`${remote.id}:X-Opaque`)).toBe('was-plain');
    expect(await fileText()).not.toContain('was-plain');
  });

  it('removing a remote deletes all its keychain entries, including strays', async () => {
    const { remote } = await service.create(input());
    const other = await service.create(input({ name: 'other' }));
    vault.entries.set(`${remote.id}:X-Left-Over`, 'stray');
    await service.remove('staging-api');
    expect([...vault.entries.keys()]).toEqual([`${other.remote.id}:Authorization`]);
    expect((await service.list()).map((r) => r.name)).toEqual(['other']);
  });

  it('duplicating copies secrets to the new remote', async () => {
    const { remote } = await service.create(input());
    const { remote: copy } = await service.duplicate(remote.id);
    expect(copy.name).toBe('staging-api copy');
    expect(vault.entries.get(`${copy.id}:Authorization`)).toBe(TOKEN);
    expect(copy.headers[0].has_value).toBe(true);
  });

  it('a keychain failure leaves nothing half-saved', async () => {
    vault.failWith = Object.assign(new Error('locked'), {});
    await expect(service.create(input())).rejects.toThrow('locked');
    vault.failWith = undefined;
    expect(await service.list()).toEqual([]);
  });

  it('a refused save (duplicate name) leaves no keychain entry behind', async () => {
    await service.create(input());
    expect((await errorOf(service.create(input()))).kind).toBe('invalid-input');
    expect(vault.entries.size).toBe(1);
  });

  it('resolves a remote for connection with secrets marked, skipping empty optional headers', async () => {
    const { remote } = await service.create(input({ headers: [
      { name: 'Authorization', value: TOKEN, description: '', is_required: true, is_secret: true },
      { name: 'X-Env', value: 'staging', description: '', is_required: false, is_secret: false },
      { name: 'X-Optional-Secret', description: '', is_required: false, is_secret: true },
    ], timeouts: { requestMs: 5000 }, tls: { caFiles: ['/ca.pem'], acceptInvalidCertificates: false } }));
    const { target, label } = await resolveRemoteForConnection(remote, vault);
    expect(label).toBe('staging-api');
    expect(target).toMatchObject({
      transport: 'streamable',
      url: 'https://staging.example.com/mcp',
      headers: [{ name: 'Authorization', value: TOKEN, secret: true }, { name: 'X-Env', value: 'staging' }],
      timeouts: { requestMs: 5000 },
      tls: { caFiles: ['/ca.pem'] },
    });
  });

  it('resolves a stdio remote to its command', async () => {
    await service.create({ name: 'local', transport: 'stdio', command: 'node', args: ['server.js'], env: { A: '1' }, cwd: '/srv', headers: [] });
    const { target } = await service.resolveForConnection('local');
    expect(target).toMatchObject({ transport: 'stdio', command: 'node', args: ['server.js'], env: { A: '1' }, cwd: '/srv' });
    expect(target.url).toBeUndefined();
  });

  it('stops with missing-secret, naming every missing required header, before asking anything of the network', async () => {
    await service.create(input({ headers: [
      { name: 'Authorization', description: '', is_required: true, is_secret: true },
      { name: 'X-API-Key', description: '', is_required: true, is_secret: true },
      { name: 'X-Optional', description: '', is_required: false, is_secret: true },
    ] }));
    const info = await errorOf(service.resolveForConnection('staging-api'));
    expect(info.kind).toBe('missing-secret');
    expect(info.message).toBe('Remote "staging-api" needs a value for required headers "Authorization", "X-API-Key"; nothing was sent.');
    expect(info.fixes?.map((f) => f.field)).toEqual(['header:Authorization', 'header:X-API-Key']);
    expect(cliHint(info)).toContain('periscope remotes edit staging-api --secret Authorization --secret X-API-Key');
    expect(info.detail).toMatchObject({ missingHeaders: ['Authorization', 'X-API-Key'] });
  });

  it('reports unknown remotes as not-found', async () => {
    expect((await errorOf(service.resolveForConnection('nope'))).kind).toBe('not-found');
    expect((await errorOf(service.remove('nope'))).kind).toBe('not-found');
  });
});
