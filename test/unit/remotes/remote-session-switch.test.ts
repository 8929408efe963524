import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';

const dirs: string[] = [];
afterEach(() => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function service() {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-session-switch-'));
  dirs.push(dir);
  return new RemoteService({ dataDir: dir, vault: new MemoryVault() });
}

describe("a remote's session-expiry switch", () => {
  it('is on unless turned off, and reaches the connection target', async () => {
    const remotes = await service();
    await remotes.create({ name: 'renews', transport: 'streamable', url: 'https://a.example.com/mcp' });
    await remotes.create({ name: 'stops', transport: 'streamable', url: 'https://b.example.com/mcp', reinitializeOnSessionExpiry: false });
    expect((await remotes.resolveForConnection('renews')).target.reinitializeOnSessionExpiry).toBeUndefined(); // the target's default: on
    expect((await remotes.resolveForConnection('stops')).target.reinitializeOnSessionExpiry).toBe(false);
  });

  it('survives export and import as reinitialize_on_session_expiry, written only when off', async () => {
    const from = await service();
    await from.create({ name: 'renews', transport: 'streamable', url: 'https://a.example.com/mcp' });
    await from.create({ name: 'stops', transport: 'streamable', url: 'https://b.example.com/mcp', reinitializeOnSessionExpiry: false });
    const exported = await from.exportRemotes();
    expect(exported.find((e) => e.name === 'renews')).not.toHaveProperty('reinitialize_on_session_expiry');
    expect(exported.find((e) => e.name === 'stops')).toMatchObject({ reinitialize_on_session_expiry: false });

    const to = await service();
    await to.importText(JSON.stringify(exported));
    const byName = Object.fromEntries((await to.list()).map((r) => [r.name, r]));
    expect(byName.stops!.reinitializeOnSessionExpiry).toBe(false);
    expect(byName.renews!.reinitializeOnSessionExpiry).toBeUndefined();
  });

  it('a header value that cannot be sent is refused on save, with the reason', async () => {
    const remotes = await service();
    const error = await remotes
      .create({ name: 'nul', transport: 'streamable', url: 'https://a.example.com/mcp', headers: [{ name: 'X-Key', value: 'ab\u0000c', is_secret: true }] })
      .then(() => undefined, (e: unknown) => e);
    if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
    expect(error.info.kind).toBe('invalid-input');
    expect(error.info.message).toContain('Value of header "X-Key" contains a NUL character (U+0000) at character 3');
    expect(await remotes.list()).toEqual([]);
  });
});
