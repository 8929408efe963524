import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startDualEraFixture, startModernOnlyFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { startSessionOnModernFixture } from '../../fixtures/sdk-servers/misbehaving/session-on-modern-fixture';
import { cli, json, removeTestDataDir } from './cli-harness';

let playground: RunningPlayground;
let modernOnly: V2StreamableFixture;
let dualEra: V2StreamableFixture;

beforeAll(async () => {
  [playground, modernOnly, dualEra] = await Promise.all([startPlayground({ port: 0 }), startModernOnlyFixture(), startDualEraFixture()]);
});
afterAll(async () => {
  await cli(['remotes', 'remove', 'era-pg']);
  await Promise.all([playground?.close(), modernOnly?.close(), dualEra?.close()]);
  removeTestDataDir();
});

describe('the protocol era on the command line', () => {
  it('connect shows the era, the offered versions and why, in text and in --json (auto picks 2026-07-28 on the playground)', async () => {
    const text = await cli(['connect', playground.urls.streamable]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Protocol:\s+2026-07-28$/m);
    expect(text.stdout).toMatch(/^Era:\s+modern \(2026-07-28/m);
    expect(text.stdout).toMatch(/^Offered:\s+.*2026-07-28/m);
    expect(text.stdout).toMatch(/^Era choice:\s+Auto: the server answered server\/discover/m);
    expect(text.stdout).toMatch(/^Detection:/m); // next to the transport auto-detection

    const data = json<ConnectionInfo>(await cli(['connect', playground.urls.streamable, '--json']));
    expect(data).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', eraDetection: { requested: 'auto', chosen: 'modern' } });
    expect(data.supportedVersions).toContain('2026-07-28');
  });

  it('connect to a modern server that sends Mcp-Session-Id: the warning once, on stderr, and the session id line says the era has none', async () => {
    const server = await startSessionOnModernFixture();
    try {
      const run = await cli(['connect', server.url]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Session id:\s+\(none: the 2026-07-28 protocol has no sessions\)$/m);
      expect(run.stdout).not.toContain('Mcp-Session-Id');
      expect(run.stderr.match(/^warning: The server sent Mcp-Session-Id on a 2026-07-28 request/gm)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('--protocol-era legacy speaks the 2025 handshake to the same URL, and says it was chosen', async () => {
    const run = await cli(['connect', playground.urls.streamable, '--protocol-era', 'legacy', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const data = json<ConnectionInfo>(run);
    expect(data).toMatchObject({ era: 'legacy', protocolVersion: '2025-11-25', eraDetection: { requested: 'legacy', chosen: 'legacy' } });
    expect(data.eraDetection?.explanation).toMatch(/legacy era was chosen/);
    expect(data.supportedVersions).toBeUndefined();
  });

  it('--protocol-version pins a revision and implies its era', async () => {
    const pinned = json<ConnectionInfo>(await cli(['connect', playground.urls.streamable, '--protocol-version', '2025-06-18', '--json']));
    expect(pinned).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18', eraDetection: { pinnedVersion: '2025-06-18' } });
  });

  it('refuses an era and a version that disagree before any traffic (exit 11), and a malformed version as a usage error (exit 1)', async () => {
    const before = playground.seenRequests.length;
    const clash = await cli(['tools', playground.urls.streamable, '--protocol-era', 'legacy', '--protocol-version', '2026-07-28']);
    expect(clash.code).toBe(11);
    expect(clash.stderr).toMatch(/^error: --protocol-era legacy and --protocol-version 2026-07-28 disagree.*belongs to the modern era/m);
    expect(clash.stderr).toMatch(/^hint: /m);
    expect(playground.seenRequests.length).toBe(before);

    const malformed = await cli(['tools', playground.urls.streamable, '--protocol-version', 'latest']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^error: .*"latest" is not a protocol revision/m);
    const unknownEra = await cli(['tools', playground.urls.streamable, '--protocol-era', 'future']);
    expect(unknownEra.code).toBe(1);
  });

  it('ping names the method that measured the round trip in each era', async () => {
    const modern = await cli(['ping', playground.urls.streamable]);
    expect(modern.code, modern.stderr).toBe(0);
    expect(modern.stdout).toMatch(/^pong from periscope-playground over streamable: \d+\.\d\d ms \(measured with server\/discover, the 2026-07-28 era has no ping\)$/m);
    const legacy = await cli(['ping', playground.urls.streamable, '--protocol-era', 'legacy']);
    expect(legacy.stdout).toMatch(/\(measured with ping\)$/m);
    expect(json(await cli(['ping', playground.urls.streamable, '--protocol-era', 'legacy', '--json']))).toMatchObject({ method: 'ping', era: 'legacy' });
  });
});

describe('v2 SDK servers', () => {
  it('lists the tools of a modern-only server with a custom header (it used to exit 30)', async () => {
    const run = await cli(['tools', modernOnly.url, '-H', 'X-Team-Key: k']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^echo\b/m);
    expect(run.stdout).toMatch(/^regional_echo\b/m);
    expect(modernOnly.requests.some((r) => r.headers['x-team-key'] === 'k' && r.headers['mcp-protocol-version'] === '2026-07-28')).toBe(true);
  });

  it('a modern-only server refuses a 2025 connection: exit 35 (protocol-version) with a hint', async () => {
    const run = await cli(['tools', modernOnly.url, '--protocol-era', 'legacy']);
    expect(run.code).toBe(35);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.stderr).toMatch(/^hint: /m);
  });

  it('a dual-era server is reached in either era on the same URL', async () => {
    for (const era of ['modern', 'legacy'] as const) {
      const run = await cli(['call', dualEra.url, 'echo', 'message=both eras', '--protocol-era', era, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(json<{ content: Array<{ text: string }> }>(run).content[0]!.text).toBe('both eras');
    }
    const connect = json<ConnectionInfo>(await cli(['connect', dualEra.url, '--json']));
    expect(connect.era).toBe('modern');
  });
});

describe('a saved remote\'s era', () => {
  it('is saved with remotes add/edit, shown by remotes list, used to connect, and overridden from the command line', async () => {
    const add = await cli(['remotes', 'add', 'era-pg', playground.urls.streamable, '--protocol-era', 'legacy']);
    expect(add.code, add.stderr).toBe(0);
    const list = await cli(['remotes', 'list']);
    expect(list.stdout).toMatch(/^NAME\s+TRANSPORT\s+ERA\s+ENDPOINT/m);
    expect(list.stdout).toMatch(/^era-pg\s+auto\s+legacy\s+http:/m);

    expect(json<ConnectionInfo>(await cli(['connect', 'era-pg', '--json'])).era).toBe('legacy');
    expect(json<ConnectionInfo>(await cli(['connect', 'era-pg', '--protocol-era', 'modern', '--json'])).era).toBe('modern');

    const edit = await cli(['remotes', 'edit', 'era-pg', '--protocol-version', '2025-06-18']);
    expect(edit.code, edit.stderr).toBe(0);
    expect((await cli(['remotes', 'show', 'era-pg'])).stdout).toMatch(/^\s+era\s+legacy, pinned 2025-06-18$/m);
    expect(json<ConnectionInfo>(await cli(['connect', 'era-pg', '--json'])).protocolVersion).toBe('2025-06-18');

    const clash = await cli(['remotes', 'edit', 'era-pg', '--protocol-era', 'modern', '--protocol-version', '2025-06-18']);
    expect(clash.code).toBe(11);
    expect(clash.stderr).toMatch(/^error: .*2025-era revision/m);

    const back = await cli(['remotes', 'edit', 'era-pg', '--protocol-era', 'auto']);
    expect(back.code, back.stderr).toBe(0);
    expect((await cli(['remotes', 'list'])).stdout).not.toMatch(/\bERA\b/);
  });
});
