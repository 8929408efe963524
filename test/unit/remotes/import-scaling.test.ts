import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { MemoryVault } from './memory-vault';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-import-scale-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A vault that counts its writes. */
class CountingVault extends MemoryVault {
  sets = 0;
  override async set(account: string, value: string): Promise<void> {
    this.sets++;
    await super.set(account, value);
  }
}

function service() {
  const vault = new CountingVault();
  let writes = 0;
  const remotes = new RemoteService({ dataDir: dir, vault, writeHooks: { beforeRename: () => void writes++ } });
  return { vault, remotes, writes: () => writes };
}

/** `count` seed entries, every third with a secret header, names derived from the URL. */
function seedFile(count: number, from = 0, path = '/v1/mcp'): string {
  return JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      transport_type: 'streamable',
      url: `https://mcp-${from + i}.example.com${path}`,
      headers: i % 3 === 0 ? [{ name: 'Authorization', value: `Bearer token-${from + i}`, description: '', is_required: true, is_secret: true }] : [],
    })),
  );
}

describe('importing many remotes', () => {
  it('imports 5,000 remotes with one write of remotes.json, each secret in the keychain once', async () => {
    const { vault, remotes, writes } = service();
    const report = await remotes.importText(seedFile(5_000));
    expect(report).toMatchObject({ imported: 5_000, skipped: 0 });
    expect(writes()).toBe(1);
    expect(vault.sets).toBe(Math.ceil(5_000 / 3));
    const saved = JSON.parse(await readFile(join(dir, 'remotes.json'), 'utf8')) as { remotes: unknown[] };
    expect(saved.remotes).toHaveLength(5_000);
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).not.toContain('token-');
  });

  it('stays linear: twice the remotes cost one write either way, and the second import only one more', async () => {
    const { remotes, writes } = service();
    await remotes.importText(seedFile(1_000));
    expect(writes()).toBe(1);
    // The same names at other URLs: 2,000 derived names get suffixes, still one write.
    const again = await remotes.importText(seedFile(2_000, 0, '/v2/mcp'));
    expect(writes()).toBe(2);
    expect(again.imported).toBe(2_000);
    expect(again.entries.slice(0, 3).map((e) => e.name)).toEqual(['mcp-0.example.com 2', 'mcp-1.example.com 2', 'mcp-2.example.com 2']);
    expect((await remotes.list()).length).toBe(3_000);
    // The first file once more: every entry is already present, nothing is written twice.
    const repeat = await remotes.importText(seedFile(1_000));
    expect(repeat).toMatchObject({ imported: 0, skipped: 1_000 });
    expect(repeat.entries[0]).toMatchObject({ duplicateOf: 'mcp-0.example.com' });
    expect((await remotes.list()).length).toBe(3_000);
  });

  it('reports bad entries and taken names per entry, still with one write', async () => {
    const { remotes, writes } = service();
    await remotes.create({ name: 'taken', transport: 'streamable', url: 'https://a.example.com/mcp', headers: [] });
    const file = JSON.stringify([
      { name: 'taken', transport_type: 'streamable', url: 'https://b.example.com/mcp', headers: [] },
      { transport_type: 'carrier-pigeon', url: 'https://c.example.com/mcp', headers: [] },
      { name: 'twice', transport_type: 'streamable', url: 'https://d.example.com/mcp', headers: [] },
      { name: 'twice', transport_type: 'streamable', url: 'https://e.example.com/mcp', headers: [] },
      { name: 'bad url', transport_type: 'streamable', url: 'not a url', headers: [] },
      { name: 'fine', transport_type: 'sse', url: 'https://f.example.com/sse', headers: [] },
    ]);
    const before = writes();
    const report = await remotes.importText(file);
    expect(writes() - before).toBe(1);
    expect(report.entries.map((e) => [e.name, e.status])).toEqual([
      ['taken', 'skipped'],
      ['c.example.com', 'skipped'],
      ['twice', 'imported'],
      ['twice', 'skipped'],
      ['bad url', 'skipped'],
      ['fine', 'imported'],
    ]);
    expect(report.entries[3]!.reason).toMatch(/already exists/);
    expect(report.entries[4]!.reason).toMatch(/not valid/);
  });

  it('a failed write keeps nothing: no remote saved, no secret left in the keychain', async () => {
    const vault = new MemoryVault();
    const remotes = new RemoteService({ dataDir: dir, vault, writeHooks: { beforeRename: () => Promise.reject(new Error('disk full')) } });
    await expect(remotes.importText(seedFile(30))).rejects.toMatchObject({ info: { kind: 'storage' } });
    expect(vault.entries.size).toBe(0);
  });
});
