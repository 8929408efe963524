import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVersionedInstance, type VersionedInstance } from '../../fixtures/instances/versioned-instance';
import { buildCli, periscope } from './support/bundled-cli';
import type { HarLog } from '../../../shared/model/har';
import { expectValidHar } from '../../support/har-schema';
import { refusedPort } from '../../support/refused-port';

/**
 * `periscope fanout` as the bundled binary against three instances of one server built on the v2
 * SDK, one of them stale: which instance answered differently and where, --ignore, a failing
 * instance, exit codes, and bad lists refused before connecting.
 */
let instances: VersionedInstance[];
let refusedAt: number;

beforeAll(async () => {
  await buildCli();
  instances = await Promise.all([startVersionedInstance('mcp-server-1', '1.4.2'), startVersionedInstance('mcp-server-2', '1.4.2'), startVersionedInstance('mcp-server-3', '1.3.9')]);
  refusedAt = await refusedPort();
}, 60_000);
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
});

const list = () => instances.map((instance) => instance.url).join(',');

interface FanoutJson {
  instances: Array<{ instance: string; latencyMs?: number; answer: string; error?: { kind: string } }>;
  groups: Array<{ label: string; instances: string[] }>;
  differing: Array<{ instance: string; differences: Array<{ path: string; expected: string; actual: string }> }>;
  agree: boolean;
}

describe('periscope fanout', () => {
  it('agrees, exit 0, when every instance answers alike', async () => {
    const run = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'echo', 'message=hi']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^echo on 2 instances: all answered alike$/m);
    for (const instance of instances.slice(0, 2)) expect(run.stdout).toContain(instance.url);
  });

  // In the 2026-07-28 era every result names its server in _meta, so even echo gives it away.
  it('shows a stale instance even where the tool answers alike: its serverInfo differs', async () => {
    const run = await periscope(['fanout', list(), 'echo', 'message=hi']);
    expect(run.code).toBe(38);
    expect(run.stdout).toContain(`${instances[2]!.url} (answer B) differs from answer A at:`);
    expect(run.stdout).toMatch(/_meta\["io\.modelcontextprotocol\/serverInfo"\]\.version: "1\.4\.2" → "1\.3\.9"/);
  });

  it('names the stale instance and the paths where it differs, exit 38', async () => {
    const run = await periscope(['fanout', list(), 'get_version', '--ignore', '_meta', '--json']);
    expect(run.code, run.stderr).toBe(38);
    const result = JSON.parse(run.stdout) as FanoutJson;
    expect(result.agree).toBe(false);
    expect(result.groups.map((g) => g.instances.length)).toEqual([2, 1]);
    expect(result.differing).toEqual([
      {
        instance: instances[2]!.url,
        label: 'B',
        differences: [
          { path: 'content[0].text', expected: '"version 1.4.2"', actual: '"version 1.3.9"' },
          { path: 'structuredContent.version', expected: '"1.4.2"', actual: '"1.3.9"' },
        ],
      },
    ]);
    for (const instance of result.instances) expect(instance.latencyMs).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/answered get_version differently/);
  });

  it('counts values that differ by design unless they are ignored', async () => {
    const run = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'get_version']);
    expect(run.code).toBe(38);
    expect(run.stdout).toMatch(/_meta\["example\.com\/instance"\]: "mcp-server-1" → "mcp-server-2"/);
    const ignored = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'get_version', '--ignore', '_meta']);
    expect(ignored.code, ignored.stderr).toBe(0);
  });

  it('lists an instance that fails with its error kind, as a different answer', async () => {
    const run = await periscope(['fanout', `${instances[0]!.url},http://127.0.0.1:${refusedAt}/mcp`, 'echo', 'message=hi', '--transport', 'streamable', '--json']);
    expect(run.code).toBe(38);
    const result = JSON.parse(run.stdout) as FanoutJson;
    expect(result.instances[1]).toMatchObject({ answer: 'B', error: { kind: 'refused' } });
  });

  it('exits with the failure kind when every instance fails', async () => {
    const run = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'no_such_tool']);
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(/Every instance failed/);
  });

  it('refuses a list of one, or a repeated instance, before connecting (exit 1)', async () => {
    expect((await periscope(['fanout', instances[0]!.url, 'echo'])).stderr).toMatch(/at least two/);
    const twice = await periscope(['fanout', `${instances[0]!.url},${instances[0]!.url}`, 'echo']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/listed twice/);
  });

  it('refuses a malformed URL or an unknown name in the list before connecting anything (exit 10, as any command)', async () => {
    for (const bad of ['http//127.0.0.1:9/mcp', 'ftp://127.0.0.1/mcp', 'http://exa mple/mcp', 'no-such-remote']) {
      const run = await periscope(['fanout', `${instances[0]!.url},${bad}`, 'echo', '--trace']);
      expect(run.code, `${bad}: ${run.stderr}`).toBe(10);
      // Nothing was sent to the good instance either.
      expect(run.stderr).not.toMatch(/tools\/call/);
    }
  });

  it('records each instance to a session file of its own with --record, none overwriting another', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'periscope-fanout-'));
    try {
      const run = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'echo', 'message=hi', '--record', join(dir, 'run.ndjson')]);
      expect(run.code, run.stderr).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(['run-1.ndjson', 'run-2.ndjson']);
      for (const [i, instance] of instances.slice(0, 2).entries()) {
        const header = JSON.parse((await readFile(join(dir, `run-${i + 1}.ndjson`), 'utf8')).split('\n')[0]!) as { meta: { label: string } };
        expect(header.meta.label).toBe(instance.url);
      }
      expect(run.stderr).toContain(`recording each instance to its own session file: ${join(dir, 'run-1.ndjson')}, ${join(dir, 'run-2.ndjson')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes each instance\'s HTTP exchanges to a HAR file of its own with --har', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'periscope-fanout-har-'));
    try {
      const run = await periscope(['fanout', `${instances[0]!.url},${instances[1]!.url}`, 'echo', 'message=hi', '--har', join(dir, 'run.har')]);
      expect(run.code, run.stderr).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(['run-1.har', 'run-2.har']);
      for (const [i, instance] of instances.slice(0, 2).entries()) {
        const har = JSON.parse(await readFile(join(dir, `run-${i + 1}.har`), 'utf8')) as HarLog;
        expectValidHar(har);
        expect(new Set(har.log.entries.map((e) => e.request.url))).toEqual(new Set([instance.url]));
        expect(har.log.entries.map((e) => e._mcp.method)).toContain('tools/call');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says whose each --trace line is, the connections tracing at once', async () => {
    const [one, two] = [instances[0]!.url, instances[1]!.url];
    const run = await periscope(['fanout', `${one},${two}`, 'echo', 'message=hi', '--trace']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`trace lines start with the instance's number: [1] ${one}, [2] ${two}`);
    expect(run.stderr).toMatch(new RegExp(`^\\[1\\] .*Connecting to ${one}$`, 'm'));
    expect(run.stderr).toMatch(new RegExp(`^\\[2\\] .*Connecting to ${two}$`, 'm'));
    const lines = run.stderr.split('\n').filter((line) => /tools\/call/.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^\[[12]\] /);
  });
});
