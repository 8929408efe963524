import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { RemoteService } from '../../../main/core/remotes/remote-service';

describe('KeytarVault against the real (private test) keychain', () => {
  // A service of its own per test file keeps runs independent; the product uses 'mcp-periscope'.
  const service = `mcp-periscope-test-${randomUUID()}`;
  const vault = new KeytarVault({ service });

  afterEach(async () => {
    for (const account of await vault.list()) await vault.delete(account);
  });

  it('runs inside the private keyring of the test setup', () => {
    expect(process.env.PERISCOPE_TEST_KEYRING).toBe('1');
  });

  it('sets, gets, lists and deletes', async () => {
    expect(await vault.get('r1:Authorization')).toBeUndefined();
    await vault.set('r1:Authorization', 'Bearer real-keychain-1');
    await vault.set('r1:X-API-Key', 'key-2');
    expect(await vault.get('r1:Authorization')).toBe('Bearer real-keychain-1');
    expect((await vault.list()).sort()).toEqual(['r1:Authorization', 'r1:X-API-Key']);
    expect(await keytar.getPassword(service, 'r1:X-API-Key')).toBe('key-2');
    expect(await vault.delete('r1:Authorization')).toBe(true);
    expect(await vault.delete('r1:Authorization')).toBe(false);
    expect(await vault.list()).toEqual(['r1:X-API-Key']);
  });

  it('overwrites a value in place', async () => {
    await vault.set('r2:Authorization', 'old');
    await vault.set('r2:Authorization', 'new');
    expect(await vault.get('r2:Authorization')).toBe('new');
    expect(await vault.list()).toEqual(['r2:Authorization']);
  });

  describe('through the remote service', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'periscope-keychain-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('renames, removes and deletes keychain entries with their headers and remotes', async () => {
      const remotes = new RemoteService({ dataDir: dir, vault });
      const { remote } = await remotes.create({
        name: 'prod',
        transport: 'streamable',
        url: 'https://prod.example.com/mcp',
        headers: [
          { name: 'X-Token', value: 'tok-renamed', is_required: true, is_secret: true, description: '' },
          { name: 'X-Other-Secret', value: 'tok-dropped', is_required: false, is_secret: true, description: '' },
        ],
      });
      expect(await vault.get(`${remote.id}:X-Token`)).toBe('tok-renamed');

      await remotes.update(remote.id, {
        name: 'prod',
        transport: 'streamable',
        url: 'https://prod.example.com/mcp',
        headers: [{ name: 'X-Auth-Token', previousName: 'X-Token', is_required: true, is_secret: true, description: '' }],
      });
      expect(await vault.list()).toEqual([`${remote.id}:X-Auth-Token`]);
      expect(await vault.get(`${remote.id}:X-Auth-Token`)).toBe('tok-renamed');

      const { target } = await remotes.resolveForConnection('prod');
      expect(target.headers).toEqual([{ name: 'X-Auth-Token', value: 'tok-renamed', secret: true }]);

      for (const file of await readdir(dir)) expect(await readFile(join(dir, file), 'utf8')).not.toMatch(/tok-renamed|tok-dropped/);
      await remotes.remove('prod');
      expect(await vault.list()).toEqual([]);
    });
  });

  it('reports an unreachable Secret Service as a keychain error, never falling back', async () => {
    const script = fileURLToPath(new URL('./vault-without-keychain.ts', import.meta.url));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/periscope-bus', DISPLAY: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('exit', () => resolve(out));
    });
    const info = JSON.parse(output);
    expect(info.kind).toBe('keychain');
    expect(info.message).toMatch(/^Could not store the secret "r:Authorization" in the system keychain: .+/);
    expect(info.hint).toContain('never stored in plain text');
  });
});
