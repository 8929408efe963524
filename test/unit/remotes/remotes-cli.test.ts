import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { PassThrough, Readable } from 'node:stream';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerRemotesCommand } from '../../../main/cli/commands/remotes';
import { createRemoteLookup } from '../../../main/core/remotes/lookup-remote';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';

const SECRET = 'Bearer cli-secret-5e6f7a';
const fixtures = fileURLToPath(new URL('../../fixtures/remotes/', import.meta.url));

describe('periscope remotes (in-process)', () => {
  let dir: string;
  let vault: MemoryVault;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-cli-'));
    vault = new MemoryVault();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function run(args: string[], stdinText?: string, tty = false) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d) => (out += d));
    stderr.on('data', (d) => (err += d));
    const stdin = Object.assign(Readable.from(stdinText === undefined ? [] : [stdinText]), { isTTY: tty });
    const program = new Command('periscope').exitOverride();
    registerRemotesCommand(program, {}, { stdin, stdout, stderr, vault, env: { PERISCOPE_DATA_DIR: dir } });
    let error: unknown;
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (e) {
      error = e;
    }
    return { out, err, error };
  }

  it('adds a remote with a secret read from stdin, never from argv, and lists it', async () => {
    const add = await run(['remotes', 'add', 'staging-api', 'https://staging.example.com/mcp', '--transport', 'streamable', '--header', 'X-Env: staging', '--secret', 'Authorization', '--secret-stdin'], `${SECRET}\n`);
    expect(add.error).toBeUndefined();
    expect(add.out).toBe('Saved remote "staging-api".\n');
    expect([...vault.entries.values()]).toEqual([SECRET]);
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).not.toContain('cli-secret');

    const list = await run(['remotes', 'list']);
    expect(list.out).toContain('staging-api  streamable  https://staging.example.com/mcp  X-Env, Authorization (secret, set)');
    const listJson = JSON.parse((await run(['remotes', 'list', '--json'])).out);
    expect(listJson[0].headers[1]).toMatchObject({ name: 'Authorization', value: '', has_value: true });
    expect((await run(['remotes', 'show', 'staging-api'])).out).toContain('Authorization: [set in keychain]');
  });

  it('keeps a stdio env credential given with --secret-env in the keychain (read from stdin after --secret values), shows it as set', async () => {
    const add = await run(['remotes', 'add', 'local', '--command', 'npx', '--arg', 'srv', '--env', 'REGION=eu', '--secret-env', 'OPENAI_API_KEY', '--secret-stdin'], 'sk-env-from-stdin-1\n');
    expect(add.error).toBeUndefined();
    const [account] = [...vault.entries.keys()];
    expect(account).toMatch(/^[0-9a-f-]{36}:env:OPENAI_API_KEY$/);
    expect(vault.entries.get(account!)).toBe('sk-env-from-stdin-1');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).not.toContain('sk-env-from-stdin');
    expect((await run(['remotes', 'show', 'local'])).out).toContain('env        OPENAI_API_KEY=[set in keychain]');

    // Editing plain variables keeps the stored secret; --remove-env removes it from the keychain too.
    expect((await run(['remotes', 'edit', 'local', '--env', 'REGION=us'])).error).toBeUndefined();
    expect(vault.entries.get(account!)).toBe('sk-env-from-stdin-1');
    expect((await run(['remotes', 'edit', 'local', '--remove-env', 'OPENAI_API_KEY'])).error).toBeUndefined();
    expect(vault.entries.size).toBe(0);
  });

  it('refuses a credential-looking variable passed as --env (argv is public)', async () => {
    const { error } = await run(['remotes', 'add', 'x', '--command', 'npx', '--env', 'GITHUB_TOKEN=ghp-leaked']);
    expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'invalid-input', hint: expect.stringContaining('--secret-env GITHUB_TOKEN') });
    expect(vault.entries.size).toBe(0);
  });

  it('refuses a credential passed as --header (argv is public)', async () => {
    const { error } = await run(['remotes', 'add', 'x', 'https://x.example.com/mcp', '--header', 'Authorization: Bearer leaked']);
    expect(isPeriscopeError(error) && error.info.message).toContain('looks like a credential');
    expect(isPeriscopeError(error) && error.info.hint).toContain('--secret Authorization');
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('without a terminal and without --secret-stdin, says how to pass the value', async () => {
    const { error } = await run(['remotes', 'add', 'x', 'https://x.example.com/mcp', '--secret', 'Authorization']);
    expect(isPeriscopeError(error) && error.info.message).toBe('There is no terminal to ask for the secret value.');
  });

  it('edits: renames a header, sets a new secret from stdin, removes a header', async () => {
    await run(['remotes', 'add', 'api', 'https://api.example.com/mcp', '--secret', 'X-Token', '--header', 'X-Env: dev', '--secret-stdin'], 'tok-1\n');
    const id = JSON.parse((await run(['remotes', 'list', '--json'])).out)[0].id;
    const edit = await run(['remotes', 'edit', 'api', '--rename-header', 'X-Token=X-Auth-Token', '--remove-header', 'X-Env', '--url', 'https://api2.example.com/mcp']);
    expect(edit.error).toBeUndefined();
    expect([...vault.entries]).toEqual([[`${id}:X-Auth-Token`, 'tok-1']]);
    await run(['remotes', 'edit', 'api', '--secret', 'X-Auth-Token', '--secret-stdin'], 'tok-2\n');
    expect(vault.entries.get(`${id}:X-Auth-Token`)).toBe('tok-2');
    const [remote] = JSON.parse((await run(['remotes', 'list', '--json'])).out);
    expect(remote).toMatchObject({ url: 'https://api2.example.com/mcp', headers: [{ name: 'X-Auth-Token', is_secret: true }] });
  });

  it('imports a file with a per-entry report, exports without secrets unless asked', async () => {
    const imp = await run(['remotes', 'import', join(fixtures, 'claude-desktop-config.json')]);
    expect(imp.out).toContain('imported  staging-api');
    expect(imp.out).toContain('skipped   broken-type: unknown transport type "carrier-pigeon"');
    expect(imp.out).toContain('5 imported, 3 skipped (mcpServers config format).');

    const plain = await run(['remotes', 'export', 'staging-api']);
    expect(JSON.parse(plain.out)[0].headers[0]).toEqual({ name: 'Authorization', value: '', description: '', is_required: true, is_secret: true });
    expect(plain.out).not.toContain('staging-token-123');

    const file = join(dir, 'with-secrets.json');
    const withSecrets = await run(['remotes', 'export', '--include-secrets', '--out', file]);
    expect(withSecrets.err).toContain('contains secret values in plain text');
    expect(await readFile(file, 'utf8')).toContain('staging-token-123');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('imports a file saved with a byte order mark or as UTF-16; refuses one that is not UTF-8, naming the byte', async () => {
    const { writeFile } = await import('node:fs/promises');
    const seed = JSON.stringify([{ transport_type: 'streamable', url: 'https://bom.example.com/mcp', name: 'bom' }]);
    await writeFile(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]));
    expect((await run(['remotes', 'import', join(dir, 'bom.json')])).out).toContain('1 imported, 0 skipped');
    await writeFile(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.replaceAll('bom', 'wide'), 'utf16le')]));
    expect((await run(['remotes', 'import', join(dir, 'utf16.json')])).out).toContain('imported  wide');

    await writeFile(join(dir, 'latin1.json'), Buffer.from(seed.replace('bom.example', 'caf\xe9.example'), 'latin1'));
    const refused = await run(['remotes', 'import', join(dir, 'latin1.json')]);
    expect(isPeriscopeError(refused.error) && refused.error.info).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/^The import file is not UTF-8 text: byte 0xE9 at offset \d+/) });
    expect(JSON.parse((await run(['remotes', 'list', '--json'])).out).map((r: { name: string }) => r.name)).toEqual(['bom', 'wide']);
  });

  it('an export with secrets over an existing world-readable file makes it owner-only first; file errors are storage or not-found', async () => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await run(['remotes', 'add', 'sec', 'https://s.example.com/mcp', '--secret', 'Authorization', '--secret-stdin'], 'Bearer sk-export-1\n');
    const file = join(dir, 'old-export.json');
    await writeFile(file, '[]', { mode: 0o644 });
    expect((await run(['remotes', 'export', '--include-secrets', '--out', file])).error).toBeUndefined();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('sk-export-1');
    // Without secrets, an existing file keeps its mode.
    expect((await run(['remotes', 'export', '--out', file])).error).toBeUndefined();
    expect(await readFile(file, 'utf8')).not.toContain('sk-export-1');

    await mkdir(join(dir, 'a-folder'));
    const write = await run(['remotes', 'export', '--out', join(dir, 'a-folder')]);
    expect(isPeriscopeError(write.error) && write.error.info).toMatchObject({ kind: 'storage', message: expect.stringContaining(`Could not write ${join(dir, 'a-folder')}`) });
    const read = await run(['remotes', 'import', join(dir, 'a-folder')]);
    expect(isPeriscopeError(read.error) && read.error.info).toMatchObject({ kind: 'storage', message: expect.stringContaining(`Could not read ${join(dir, 'a-folder')}`) });
    const missing = await run(['remotes', 'import', join(dir, 'none.json')]);
    expect(isPeriscopeError(missing.error) && missing.error.info.kind).toBe('not-found');
  });

  it('removes a remote and its keychain entries', async () => {
    await run(['remotes', 'add', 'gone', 'https://g.example.com/mcp', '--secret', 'Authorization', '--secret-stdin'], 'x\n');
    const rmResult = await run(['remotes', 'rm', 'gone']);
    expect(rmResult.out).toBe('Removed remote "gone".\n');
    expect(vault.entries.size).toBe(0);
    const missing = await run(['remotes', 'remove', 'gone']);
    expect(isPeriscopeError(missing.error) && missing.error.info.kind).toBe('not-found');
  });

  it('prints where a corrupt remotes.json was moved', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'remotes.json'), 'garbage');
    const { err } = await run(['remotes', 'list', '--data-dir', dir]);
    expect(err).toMatch(/warning: .*remotes\.json could not be used because it is not valid JSON.*moved to .*remotes\.json\.corrupt-/);
  });

  it('lookupRemote resolves a saved remote by name with its secrets, and misses unknown names', async () => {
    await run(['remotes', 'add', 'staging-api', 'https://staging.example.com/mcp', '--secret', 'Authorization', '--secret-stdin'], `${SECRET}\n`);
    const lookup = createRemoteLookup({ env: { PERISCOPE_DATA_DIR: dir }, vault });
    expect(await lookup('staging-api')).toEqual({
      label: 'staging-api',
      target: expect.objectContaining({ transport: 'auto', url: 'https://staging.example.com/mcp', headers: [{ name: 'Authorization', value: SECRET, secret: true }] }),
      // The remote itself, for its OAuth settings (none here) and the keychain accounts under its id.
      saved: { id: expect.any(String), name: 'staging-api' },
    });
    expect(await lookup('nothing-here')).toBeUndefined();
    // A connecting command's own --data-dir reaches the lookup as its second argument.
    const elsewhere = createRemoteLookup({ env: {}, vault });
    expect((await elsewhere('staging-api', { dataDir: dir }))?.label).toBe('staging-api');
  });
});
