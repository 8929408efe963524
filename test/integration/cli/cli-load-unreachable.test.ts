import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarLog } from '../../../shared/model/har';
import { startVersionedInstance, type VersionedInstance } from '../../fixtures/instances/versioned-instance';
import { cli, json, removeTestDataDir } from './cli-harness';
import { refusedPort } from '../../support/refused-port';

/**
 * `periscope load <group>` when instances are down: two live instances, one port nothing listens
 * on and one web page that is not MCP, in the group's order live, refused, live, not-mcp.
 * Round-robin sends nothing and names each unreachable instance; `each` measures the live ones
 * and reports the others in its result; the exit code is the first unreachable one's.
 */
let live: VersionedInstance[];
let page: Server;
let refusedUrl: string;
let pageUrl: string;
let dir: string;

beforeAll(async () => {
  live = await Promise.all([startVersionedInstance('mcp-server-1', '1.4.2'), startVersionedInstance('mcp-server-2', '1.4.2')]);
  page = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>a web page</body></html>'));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/mcp`;
  refusedUrl = `http://127.0.0.1:${await refusedPort()}/mcp`;
  dir = mkdtempSync(join(tmpdir(), 'periscope-load-unreachable-'));
  const add = await cli(['remotes', 'add', 'grp', live[0]!.url, '--transport', 'streamable', '--instance', refusedUrl, '--instance', live[1]!.url, '--instance', pageUrl]);
  expect(add.code, add.stderr).toBe(0);
  const dead = await cli(['remotes', 'add', 'all-down', refusedUrl, '--transport', 'streamable', '--instance', pageUrl]);
  expect(dead.code, dead.stderr).toBe(0);
});
afterAll(async () => {
  await Promise.all(live.map((instance) => instance.close()));
  await new Promise<void>((resolve) => page.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

const toolCalls = (harPath: string) => (JSON.parse(readFileSync(harPath, 'utf8')) as HarLog).log.entries.filter((e) => e._mcp.method === 'tools/call').length;

interface GroupRun {
  count: number;
  ok: number;
  spread: string;
  instances: Array<{ instance: string; count: number; ok: number; error?: { kind: string; message: string; hint: string } }>;
}

describe('periscope load <group> with instances down', () => {
  it('round-robin: sends nothing, names every unreachable instance of the group, exits with the first one\'s code', async () => {
    const har = join(dir, 'rr.har');
    const run = await cli(['load', 'grp', 'echo', 'message=hi', '-n', '20', '-c', '4', '--har', har]);
    expect(run.code, run.stderr).toBe(21);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: grp \\(instance 2 of 4\\) at ${refusedUrl.replace(/[.]/g, '\\.')} could not be reached: Connection refused .*; also not reached: grp \\(instance 4 of 4\\) \\(not-mcp\\)\\. A round-robin run .*nothing was sent\\.$`, 'm'));
    expect(run.stderr).toMatch(/^hint: .*--instances each/m);
    // The live instances were connected to and closed, never called.
    expect(toolCalls(join(dir, 'rr-1.har'))).toBe(0);
    expect(toolCalls(join(dir, 'rr-3.har'))).toBe(0);

    const asJson = await cli(['load', 'grp', 'echo', 'message=hi', '-n', '5', '--json']);
    expect(asJson.code).toBe(21);
    expect(json<{ error: { kind: string; message: string; detail: { unreachable: Array<{ instance: string; kind: string }> } } }>(asJson).error).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('grp (instance 2 of 4)'),
      detail: { unreachable: [{ instance: refusedUrl, kind: 'refused' }, { instance: pageUrl, kind: 'not-mcp' }] },
    });
  });

  it('each: measures the live instances, reports the unreachable ones in the result, exits with the first one\'s code', async () => {
    const run = await cli(['load', 'grp', 'echo', 'message=hi', '-n', '6', '-c', '2', '--instances', 'each', '--json']);
    expect(run.code, run.stderr).toBe(21);
    const result = json<GroupRun>(run);
    expect(result).toMatchObject({ spread: 'each', count: 12, ok: 12 });
    expect(result.instances.map((i) => [i.instance, i.count, i.ok, i.error?.kind])).toEqual([
      [live[0]!.url, 6, 6, undefined],
      [refusedUrl, 0, 0, 'refused'],
      [live[1]!.url, 6, 6, undefined],
      [pageUrl, 0, 0, 'not-mcp'],
    ]);
    expect(run.stderr).toMatch(/^warning: grp \(instance 2 of 4\) at .* could not be reached: Connection refused.*; the run goes on with the other instances$/m);
    expect(run.stderr).toMatch(/^warning: grp \(instance 4 of 4\) at .* could not be reached: .*; the run goes on with the other instances$/m);
    expect(run.stderr).toMatch(/^error: grp \(instance 2 of 4\) .*The run measured the other 2 of the 4 instances/m);

    const text = await cli(['load', 'grp', 'echo', 'message=hi', '-n', '4', '--instances', 'each']);
    expect(text.code).toBe(21);
    expect(text.stdout).toMatch(/^run on each of 2 of the 4 instances in turn:$/m);
    expect(text.stdout).toMatch(new RegExp(`^  ${refusedUrl.replace(/[.]/g, '\\.')}\\s+not reached \\(refused\\): Connection refused`, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^  ${pageUrl.replace(/[.]/g, '\\.')}\\s+not reached \\(not-mcp\\): `, 'm'));
    expect(text.stdout).toMatch(new RegExp(`^  ${live[1]!.url.replace(/[.]/g, '\\.')}\\s+4 requests\\s+0 failed`, 'm'));
  });

  it('no instance reachable: either way nothing runs, and the first instance is named', async () => {
    for (const spread of ['round-robin', 'each']) {
      const run = await cli(['load', 'all-down', 'echo', 'message=hi', '-n', '3', '--instances', spread]);
      expect(run.code, run.stderr).toBe(21);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^error: all-down \(instance 1 of 2\) at .* could not be reached: Connection refused.*also not reached: all-down \(instance 2 of 2\) \(not-mcp\)/m);
    }
  });
});
