import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRemotesFile } from '../../../main/core/remotes/remotes-file';
import { RemoteStore, type StoreNotice } from '../../../main/core/remotes/remote-store';
import { maskUrlPasswords, splitUserinfo } from '../../../shared/model/url-userinfo';
import { checkRemoteDraft } from '../../../shared/model/remote';

const password = 'p@ss:w0rd-123';
const encoded = encodeURIComponent(password);

function v1(remotes: unknown[]): unknown {
  return { schemaVersion: 1, remotes };
}

function remote(fields: Record<string, unknown>): Record<string, unknown> {
  return { id: 'r1', name: 'grp', transport: 'streamable', headers: [], notes: '', createdAt: 1, updatedAt: 1, ...fields };
}

describe('user:password@ in URLs', () => {
  it('splitUserinfo and maskUrlPasswords read the text as written, decoded credentials apart', () => {
    expect(splitUserinfo(`http://ada:${encoded}@127.0.0.1:3001/mcp`)).toEqual({ url: 'http://127.0.0.1:3001/mcp', user: 'ada', password });
    expect(splitUserinfo('https://ada@example.com/mcp')).toEqual({ url: 'https://example.com/mcp', user: 'ada' });
    expect(splitUserinfo('https://example.com/mcp?to=a@b')).toEqual({ url: 'https://example.com/mcp?to=a@b' });
    const text = `tried http://ada:${encoded}@h/mcp, "ws://x:y@h", and ada:secret-9@h, but not https://example.com/a@b`;
    expect(maskUrlPasswords(text)).toBe('tried http://ada:[redacted]@h/mcp, "ws://x:[redacted]@h", and ada:[redacted]@h, but not https://example.com/a@b');
  });

  it('a remote draft with userinfo in its URL or an instance is refused, without quoting the password', () => {
    for (const draft of [
      { name: 'a', transport: 'streamable', url: `http://ada:${encoded}@127.0.0.1:3001/mcp` },
      { name: 'a', transport: 'auto', url: 'http://127.0.0.1:3001/mcp', instances: [`http://ada:${encoded}@127.0.0.1:3002/mcp`] },
      { name: 'a', transport: 'websocket', url: `ws://ada:${encoded}@127.0.0.1:3001/ws` },
      { name: 'a', transport: 'auto', url: 'http://ada@127.0.0.1:3001/mcp' },
    ]) {
      const check = checkRemoteDraft(draft);
      expect(check.ok, JSON.stringify(draft)).toBe(false);
      if (check.ok) continue;
      expect(check.issues[0]!.message).toContain('user name or password before the host');
      expect(JSON.stringify(check.issues)).not.toContain(encoded);
    }
  });

  it('two spellings of one instance (a fragment, %6D for m) are the same instance', () => {
    for (const twin of ['http://127.0.0.1:3001/mcp#frag', 'http://127.0.0.1:3001/%6dcp', 'HTTP://127.0.0.1:3001/%6Dcp']) {
      const check = checkRemoteDraft({ name: 'a', transport: 'auto', url: 'http://127.0.0.1:3001/mcp', instances: [twin] });
      expect(check.ok, twin).toBe(false);
    }
    expect(checkRemoteDraft({ name: 'a', transport: 'auto', url: 'http://127.0.0.1:3001/mcp', instances: ['http://127.0.0.1:3001/mcp%2F'] }).ok).toBe(true);
  });

  describe('a file written before (v1 and v0)', () => {
    it('v1: the credentials become an Authorization Basic secret, every URL loses its userinfo', () => {
      const reading = readRemotesFile(v1([remote({ url: `http://ada:${encoded}@127.0.0.1:3001/mcp`, instances: [`http://ada:${encoded}@127.0.0.1:3002/mcp`] })]), 1);
      if (reading.status !== 'ok') throw new Error(JSON.stringify(reading));
      const [saved] = reading.file.remotes;
      expect(saved!.url).toBe('http://127.0.0.1:3001/mcp');
      expect(saved!.instances).toEqual(['http://127.0.0.1:3002/mcp']);
      expect(saved!.headers).toEqual([expect.objectContaining({ name: 'Authorization', value: '', is_secret: true })]);
      expect(reading.secrets).toEqual([{ account: 'r1:Authorization', value: `Basic ${Buffer.from(`ada:${password}`).toString('base64')}` }]);
      expect(JSON.stringify(reading.file)).not.toContain(encoded);
    });

    it('v1 with an Authorization header already: the URL credentials are dropped, the header kept', () => {
      const headers = [{ name: 'authorization', value: '', description: '', is_required: false, is_secret: true }];
      const reading = readRemotesFile(v1([remote({ url: `http://ada:${encoded}@127.0.0.1:3001/mcp`, headers })]), 1);
      if (reading.status !== 'ok') throw new Error(JSON.stringify(reading));
      expect(reading.file.remotes[0]!.headers).toEqual([expect.objectContaining({ name: 'authorization' })]);
      expect(reading.secrets).toEqual([]);
      expect(reading.urlCredentialsRemoved).toBe(true);
    });

    it('v0 (the seed format): the same', () => {
      const reading = readRemotesFile([{ id: 'old', name: 'prod', transport_type: 'sse', url: `https://ada:${encoded}@example.com/sse` }], 1);
      if (reading.status !== 'ok') throw new Error(JSON.stringify(reading));
      expect(reading.file.remotes[0]!.url).toBe('https://example.com/sse');
      expect(reading.secrets.map((s) => s.account)).toEqual(['old:Authorization']);
    });
  });

  describe('the store', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'periscope-url-credentials-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    for (const [name, headers, vaulted] of [
      ['moved to the keychain', [], 1],
      ['dropped beside an Authorization header', [{ name: 'Authorization', value: '', description: '', is_required: false, is_secret: true }], 0],
    ] as const) {
      it(`rewrites the file at once without the password (${name})`, async () => {
        await writeFile(join(dir, 'remotes.json'), JSON.stringify(v1([remote({ url: `http://ada:${encoded}@127.0.0.1:3001/mcp`, headers })])));
        const vault = new Map<string, string>();
        const notices: StoreNotice[] = [];
        const store = new RemoteStore({ dataDir: dir, onNotice: (n) => notices.push(n), onMigratedSecrets: async (secrets) => secrets.forEach((s) => vault.set(s.account, s.value)) });
        expect((await store.list())[0]!.url).toBe('http://127.0.0.1:3001/mcp');
        expect(vault.size).toBe(vaulted);
        const text = await readFile(join(dir, 'remotes.json'), 'utf8');
        expect(text).not.toContain(encoded);
        expect(text).not.toContain('ada');
        expect(notices.map((n) => n.kind)).toEqual(['migrated']);
      });
    }
  });
});
