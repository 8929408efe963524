import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { serializeExport } from '../../../main/core/remotes/remote-export';
import { MemoryVault } from './memory-vault';

/** A remote's policy for its server's requests and its roots: stored, kept by edits, exported, imported. */
const dirs: string[] = [];
afterEach(() => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
async function service() {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-requests-'));
  dirs.push(dir);
  return new RemoteService({ dataDir: dir, vault: new MemoryVault() });
}
const base = { name: 'Server', transport: 'streamable' as const, url: 'https://mcp.example.com/mcp', headers: [] };

describe('server request settings of a remote', () => {
  it('are stored, survive an edit that leaves them out, and "ask" or an empty list are stored as absent', async () => {
    const remotes = await service();
    const { remote } = await remotes.create(base);
    const set = await remotes.setServerRequests(remote.id, { policy: 'accept-defaults', roots: [{ uri: 'file:///src', name: 'Sources' }] });
    expect(set).toMatchObject({ serverRequestPolicy: 'accept-defaults', roots: [{ uri: 'file:///src', name: 'Sources' }] });
    // The remote editor sends a draft without them.
    const { remote: edited } = await remotes.update(remote.id, { ...base, notes: 'edited' });
    expect(edited).toMatchObject({ notes: 'edited', serverRequestPolicy: 'accept-defaults', roots: [{ uri: 'file:///src' }] });
    const cleared = await remotes.setServerRequests(remote.id, { policy: 'ask', roots: [] });
    expect(cleared.serverRequestPolicy).toBeUndefined();
    expect(cleared.roots).toBeUndefined();
  });

  it('refuse a root that is not a URI', async () => {
    const remotes = await service();
    const { remote } = await remotes.create(base);
    await expect(remotes.setServerRequests(remote.id, { roots: [{ uri: 'no scheme' }] })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('Roots not saved') });
  });

  it('travel through export and import; a plain seed file without them still imports', async () => {
    const from = await service();
    const { remote } = await from.create(base);
    await from.setServerRequests(remote.id, { policy: 'decline', roots: [{ uri: 'file:///a' }] });
    const text = serializeExport(await from.exportRemotes());
    expect(JSON.parse(text)[0]).toMatchObject({ server_request_policy: 'decline', roots: [{ uri: 'file:///a' }] });
    const to = await service();
    expect(await to.importText(text)).toMatchObject({ imported: 1 });
    expect((await to.list())[0]).toMatchObject({ serverRequestPolicy: 'decline', roots: [{ uri: 'file:///a' }] });
    const plain = await service();
    expect(await plain.importText(JSON.stringify([{ transport_type: 'streamable', url: 'https://x.example.com/mcp', headers: [] }]))).toMatchObject({ imported: 1 });
    expect((await plain.list())[0].roots).toBeUndefined();
    const bad = await service();
    expect(await bad.importText(JSON.stringify([{ transport_type: 'streamable', url: 'https://x.example.com/mcp', server_request_policy: 'yes-to-all' }]))).toMatchObject({ imported: 0, skipped: 1 });
  });
});
