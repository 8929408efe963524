import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemoteStore, type RemoteFields, type StoreNotice } from '../../../main/core/remotes/remote-store';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const fields = (name: string, extra: Partial<RemoteFields> = {}): RemoteFields => ({
  name,
  transport: 'streamable',
  url: 'https://api.example.com/mcp',
  instances: [],
  args: [],
  env: {},
  headers: [],
  timeouts: {},
  tls: { caFiles: [], acceptInvalidCertificates: false },
  notes: '',
  protocolEra: 'auto',
  ...extra,
});

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isPeriscopeError(error)) return error.info;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('RemoteStore', () => {
  let dir: string;
  let notices: StoreNotice[];
  let clock: number;
  const open = () => new RemoteStore({ dataDir: dir, onNotice: (n) => notices.push(n), now: () => clock });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-store-'));
    notices = [];
    clock = Date.UTC(2026, 0, 2, 3, 4, 5);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts empty without a file and creates the data folder on first save', async () => {
    const nested = join(dir, 'a', 'b');
    const store = new RemoteStore({ dataDir: nested });
    expect(await store.list()).toEqual([]);
    await store.create(fields('first'));
    const file = JSON.parse(await readFile(join(nested, 'remotes.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);
    expect(file.remotes.map((r: { name: string }) => r.name)).toEqual(['first']);
  });

  it('creates, gets by id or name, updates, duplicates and removes', async () => {
    const store = open();
    const created = await store.create(fields('staging-api', { notes: 'n' }));
    expect(created.createdAt).toBe(clock);
    expect(await store.get(created.id)).toEqual(created);
    expect((await store.get('STAGING-API'))?.id).toBe(created.id);

    clock += 1000;
    const updated = await store.update(created.id, fields('staging', { url: 'https://staging.example.com/mcp' }));
    expect(updated).toMatchObject({ id: created.id, name: 'staging', createdAt: created.createdAt, updatedAt: clock });

    const copy = await store.duplicate(created.id);
    expect(copy.name).toBe('staging copy');
    expect(copy.id).not.toBe(created.id);
    expect((await store.duplicate(created.id)).name).toBe('staging copy 2');

    await store.remove(copy.id);
    expect((await open().list()).map((r) => r.name)).toEqual(['staging', 'staging copy 2']);
  });

  it('keeps names unique, ignoring case', async () => {
    const store = open();
    const a = await store.create(fields('prod'));
    const b = await store.create(fields('dev'));
    expect(await errorOf(store.create(fields('PROD')))).toMatchObject({ kind: 'invalid-input', message: 'A remote named "prod" already exists.' });
    expect((await errorOf(store.update(b.id, fields('Prod')))).kind).toBe('invalid-input');
    expect((await store.update(a.id, fields('Prod'))).name).toBe('Prod'); // renaming itself is fine
  });

  it('refuses invalid remotes with the rule message and does not write', async () => {
    const store = open();
    const info = await errorOf(store.create(fields('x', { transport: 'websocket' })));
    expect(info.kind).toBe('invalid-input');
    expect(info.message).toContain('does not fit the WebSocket transport');
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('never writes a secret header value to the file', async () => {
    const store = open();
    await store.create(fields('s', { headers: [{ name: 'Authorization', value: 'Bearer leak', description: '', is_required: true, is_secret: true, has_value: true }] }));
    const text = await readFile(store.filePath, 'utf8');
    expect(text).not.toContain('leak');
    expect(text).not.toContain('has_value');
  });

  it('serializes concurrent writes: none is lost', async () => {
    const store = open();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.create(fields(`r${i}`))));
    expect((await open().list()).length).toBe(20);
  });

  it('two stores on one folder (as the app and the CLI) never lose each other\'s writes', async () => {
    const app = new RemoteStore({ dataDir: dir });
    const cli = new RemoteStore({ dataDir: dir });
    await Promise.all(Array.from({ length: 10 }, (_, i) => [app.create(fields(`app${i}`)), cli.create(fields(`cli${i}`))]).flat());
    expect((await open().list()).length).toBe(20);
    expect((await readdir(dir)).sort()).toEqual(['remotes.json']); // lock released, no temp files
  });

  it('takes over at once a lock whose process is gone', async () => {
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(join(dir, 'remotes.json.lock'), `${gone.stdout}\n`);
    const started = Date.now();
    await open().create(fields('after-kill'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await open().list()).map((r) => r.name)).toEqual(['after-kill']);
  });

  it('takes over an old lock left behind by a crashed process', async () => {
    const { utimes } = await import('node:fs/promises');
    const lock = join(dir, 'remotes.json.lock');
    await writeFile(lock, `${process.pid}\n`); // a live pid: only the age says it is stale
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await open().create(fields('after-crash'));
    expect((await open().list()).map((r) => r.name)).toEqual(['after-crash']);
  });

  it('moves a corrupt file aside, says where, and starts empty', async () => {
    await writeFile(join(dir, 'remotes.json'), '{"schemaVersion":1,"remotes":[{"name":');
    const store = open();
    expect(await store.list()).toEqual([]);
    const moved = join(dir, 'remotes.json.corrupt-2026-01-02T03-04-05-000Z');
    expect(notices).toEqual([expect.objectContaining({ kind: 'corrupt-file-moved', path: moved })]);
    expect(notices[0].message).toContain(moved);
    expect(notices[0].message).toContain('not valid JSON');
    expect(await readFile(moved, 'utf8')).toBe('{"schemaVersion":1,"remotes":[{"name":');
    await store.create(fields('fresh'));
    expect(await readFile(moved, 'utf8')).toBe('{"schemaVersion":1,"remotes":[{"name":'); // never overwritten
  });

  it('reads a file a hand edit saved with a byte order mark or as UTF-16; moves aside one that is not UTF-8, saying so', async () => {
    await open().create(fields('kept'));
    const text = await readFile(join(dir, 'remotes.json'), 'utf8');
    await writeFile(join(dir, 'remotes.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect((await open().list()).map((r) => r.name)).toEqual(['kept']);
    await writeFile(join(dir, 'remotes.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await open().list()).map((r) => r.name)).toEqual(['kept']);
    expect(notices).toEqual([]);

    await writeFile(join(dir, 'remotes.json'), Buffer.from(text.replace('kept', 'k\xe9pt'), 'latin1'));
    expect(await open().list()).toEqual([]);
    expect(notices[0]).toMatchObject({ kind: 'corrupt-file-moved' });
    expect(notices[0].message).toMatch(/not UTF-8 text \(byte 0xE9 at offset \d+ is not UTF-8\)/);
  });

  it('moves aside a well-formed JSON file whose content is not a list of remotes', async () => {
    await writeFile(join(dir, 'remotes.json'), JSON.stringify({ schemaVersion: 1, remotes: [{ id: 'x', name: 'n' }] }));
    expect(await open().list()).toEqual([]);
    expect(notices[0].message).toContain('not a valid list of remotes');
    expect((await readdir(dir)).some((f) => f.startsWith('remotes.json.corrupt-'))).toBe(true);
  });

  it('moves aside an unreadable file (a folder in its place)', async () => {
    await mkdir(join(dir, 'remotes.json'));
    expect(await open().list()).toEqual([]);
    expect(notices[0].message).toContain('could not be read');
  });

  it('refuses a file from a newer schema version and leaves it untouched', async () => {
    const future = JSON.stringify({ schemaVersion: 7, remotes: [], holograms: true });
    await writeFile(join(dir, 'remotes.json'), future);
    const store = open();
    const info = await errorOf(store.list());
    expect(info.kind).toBe('storage');
    expect(info.message).toContain('newer version of MCP Periscope (schema version 7');
    expect((await errorOf(store.create(fields('x')))).kind).toBe('storage');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).toBe(future);
    expect(await readdir(dir)).toEqual(['remotes.json']);
  });
});
