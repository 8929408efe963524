import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVersionedInstance, type VersionedInstance } from '../../fixtures/instances/versioned-instance';
import { startHttpServer } from '../error-kind-servers';
import { cli, json, removeTestDataDir } from './cli-harness';

/**
 * A saved group (three instances of one server on the v2 SDK, one stale and not ready, all behind
 * a bearer token kept in the keychain) through the whole CLI: fanout by the group's name, load
 * spread round-robin or run on each instance, and health with its exit codes.
 */
let instances: VersionedInstance[];
const TOKEN = 'group-s3cret';

beforeAll(async () => {
  instances = await Promise.all([
    startVersionedInstance('mcp-server-1', '1.4.2', { bearer: TOKEN }),
    startVersionedInstance('mcp-server-2', '1.4.2', { bearer: TOKEN }),
    startVersionedInstance('mcp-server-3', '1.3.9', { bearer: TOKEN, ready: false }),
  ]);
  const add = await cli(['remotes', 'add', 'balanced', instances[0]!.url, '--transport', 'streamable', '--instance', instances[1]!.url, '--instance', instances[2]!.url, '--secret', 'Authorization', '--secret-stdin'], { stdin: `Bearer ${TOKEN}\n` });
  expect(add.code, add.stderr).toBe(0);
  const healthy = await cli(['remotes', 'add', 'healthy-pair', instances[0]!.url, '--transport', 'streamable', '--instance', instances[1]!.url]);
  expect(healthy.code, healthy.stderr).toBe(0);
});
afterAll(async () => {
  await cli(['remotes', 'remove', 'balanced']);
  await cli(['remotes', 'remove', 'healthy-pair']);
  await Promise.all(instances.map((instance) => instance.close()));
  removeTestDataDir();
});

interface LoadJson {
  count: number;
  ok: number;
  spread: string;
  instances: Array<{ instance: string; count: number; ok: number; throughputPerS: number; latency?: { p50: number; p99: number } }>;
}

describe('a saved group', () => {
  it('is listed with its instances', async () => {
    const show = await cli(['remotes', 'show', 'balanced']);
    expect(show.stdout).toContain(`instance   ${instances[2]!.url}  (3 of 3)`);
    expect((await cli(['remotes', 'list'])).stdout).toMatch(/balanced\s+streamable\s+\S+ \(\+2 more: 3 instances\)/);
  });

  it('remotes edit replaces the instances with --instance, and --no-instances makes it one server again', async () => {
    expect((await cli(['remotes', 'edit', 'healthy-pair', '--instance', instances[2]!.url])).code).toBe(0);
    expect((await cli(['remotes', 'show', 'healthy-pair'])).stdout).toContain(`instance   ${instances[2]!.url}  (2 of 2)`);
    const twice = await cli(['remotes', 'edit', 'healthy-pair', '--instance', instances[0]!.url]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain("is the same as the remote's own URL");
    expect((await cli(['remotes', 'edit', 'healthy-pair', '--no-instances'])).code).toBe(0);
    expect((await cli(['remotes', 'show', 'healthy-pair'])).stdout).not.toContain('instance ');
    expect((await cli(['remotes', 'edit', 'healthy-pair', '--instance', instances[1]!.url])).code).toBe(0);
  });

  it('fanout <group> sends to every instance with the secret header, and names the stale one', async () => {
    const run = await cli(['fanout', 'balanced', 'get_version', '--ignore', '_meta', '--json']);
    expect(run.code, run.stderr).toBe(38);
    const result = json<{ instances: Array<{ instance: string; answer: string }>; differing: Array<{ instance: string }> }>(run);
    expect(result.instances.map((i) => i.instance)).toEqual(instances.map((i) => i.url));
    expect(result.differing.map((d) => d.instance)).toEqual([instances[2]!.url]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('load <group> spreads the run round-robin by default, with each instance\'s figures', async () => {
    const run = await cli(['load', 'balanced', 'echo', 'message=hi', '-n', '30', '-c', '3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = json<LoadJson>(run);
    expect(result).toMatchObject({ count: 30, ok: 30, spread: 'round-robin' });
    expect(result.instances.map((i) => [i.instance, i.count, i.ok])).toEqual(instances.map((i) => [i.url, 10, 10]));
    for (const figures of result.instances) expect(figures.latency!.p99).toBeGreaterThanOrEqual(figures.latency!.p50);

    const text = await cli(['load', 'balanced', 'echo', 'message=hi', '-n', '9']);
    expect(text.stdout).toMatch(/^spread round-robin over 3 instances:$/m);
    expect(text.stdout).toContain(`${instances[1]!.url}       3 requests     0 failed`);
  });

  it('load <group> --instances each runs the whole plan on every instance in turn', async () => {
    const run = await cli(['load', 'balanced', 'echo', 'message=hi', '-n', '5', '--instances', 'each', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = json<LoadJson>(run);
    expect(result).toMatchObject({ count: 15, ok: 15, spread: 'each' });
    expect(result.instances.map((i) => i.count)).toEqual([5, 5, 5]);
    expect(run.stderr).toContain(`instance 3 of 3: ${instances[2]!.url}`);
  });

  it('load --instances on one server is refused before connecting (exit 11)', async () => {
    const run = await cli(['load', instances[0]!.url, 'echo', 'message=hi', '-n', '1', '--instances', 'each']);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/--instances needs a saved group/);
  });

  it('health <group>: every instance\'s /health and /ready; the one not ready fails the command (http-status, exit 30)', async () => {
    const run = await cli(['health', 'balanced']);
    expect(run.code, run.stderr).toBe(30);
    expect(run.stdout).toMatch(new RegExp(`^ok\\s+${instances[0]!.url}\\s+/health 200 "healthy" [\\d.]+ ms\\s+/ready 200 "ready" [\\d.]+ ms$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^FAIL\\s+${instances[2]!.url}\\s+/health 200 "healthy" [\\d.]+ ms\\s+/ready 503 "not ready" [\\d.]+ ms$`, 'm'));
    expect(run.stderr).toMatch(/1 of 6 health checks failed; the first: http:\/\/127\.0\.0\.1:\d+\/mcp \/ready answered HTTP 503 \(status: not ready\)/);

    const ok = await cli(['health', 'healthy-pair', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json<{ ok: boolean; instances: unknown[] }>(ok)).toMatchObject({ ok: true, instances: [{ ok: true }, { ok: true }] });
  });

  it('doctor <group> checks every instance in turn, with the group\'s secret header; one that refuses fails the command (exit 21) by name', async () => {
    const all = await cli(['doctor', 'balanced', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const report = json<{ label: string; instances: Array<{ url: string; label: string; ok: boolean; layers: Array<{ layer: string; verdict: string }> }> }>(all);
    expect(report.instances.map((r) => r.url)).toEqual(instances.map((i) => i.url));
    expect(report.instances.map((r) => r.label)).toEqual([1, 2, 3].map((n) => `balanced (instance ${n} of 3)`));
    // Every instance let the doctor in with the bearer token; the third is not ready (a warning).
    for (const one of report.instances) expect(one.layers.find((l) => l.layer === 'auth')?.verdict, one.url).toMatch(/^(pass|skipped)$/);
    expect(report.instances.map((r) => r.layers.find((l) => l.layer === 'health')?.verdict)).toEqual(['pass', 'pass', 'warn']);
    expect(all.stdout).not.toContain(TOKEN);

    const gone = await startVersionedInstance('gone', '0');
    await gone.close();
    const added = await cli(['remotes', 'add', 'half-gone', instances[0]!.url, '--transport', 'streamable', '--instance', gone.url, '--secret', 'Authorization', '--secret-stdin'], { stdin: `Bearer ${TOKEN}\n` });
    expect(added.code, added.stderr).toBe(0);
    try {
      const junitFile = join(tmpdir(), `periscope-group-doctor-${process.pid}.xml`);
      const run = await cli(['doctor', 'half-gone', '--junit', junitFile]);
      expect(run.code, run.stderr).toBe(21);
      expect(run.stdout).toContain(`half-gone (instance 1 of 2): ${instances[0]!.url}`);
      expect(run.stdout).toContain(`half-gone (instance 2 of 2): ${gone.url}`);
      expect(run.stdout).toMatch(/^FAIL +[\d.]+ ms +tcp +/m);
      expect(run.stderr).toContain(`half-gone (instance 2 of 2), ${gone.url}: the TCP layer failed`);
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(readFileSync(junitFile, 'utf8'));
      rmSync(junitFile, { force: true });
      const suites = xml.testsuites.testsuite as Array<{ name: string; failures: string }>;
      expect(suites.map((suite) => [suite.name, suite.failures])).toEqual([
        ['periscope doctor half-gone (instance 1 of 2)', '0'],
        ['periscope doctor half-gone (instance 2 of 2)', '1'],
      ]);
    } finally {
      await cli(['remotes', 'remove', 'half-gone']);
    }
  });

  it('health <url> on a port where nothing listens: refused (exit 21)', async () => {
    const closed = await startVersionedInstance('gone', '0');
    const url = closed.url;
    await closed.close();
    const run = await cli(['health', url, '--json']);
    expect(run.code).toBe(21);
    expect(json<{ instances: Array<{ health: { error: { kind: string } } }> }>(run).instances[0]!.health.error.kind).toBe('refused');
  });

  // An instance without health endpoints (404, 405 or 501 to the GET) is not an unhealthy one.
  for (const status of [404, 405, 501]) {
    it(`health and doctor <url> where /health and /ready answer ${status}: not served, never "unhealthy"`, async () => {
      const server = await startHttpServer((_req, res) => void res.writeHead(status, { 'content-type': 'text/plain' }).end('no'));
      try {
        const run = await cli(['health', server.url]);
        expect(run.code).toBe(30);
        expect(run.stdout).toMatch(new RegExp(`^FAIL\\s+${server.url}\\s+/health ${status} not served [\\d.]+ ms\\s+/ready ${status} not served [\\d.]+ ms$`, 'm'));
        expect(run.stderr).toContain(`2 of 2 health checks failed; the first: ${server.url} /health is not served here (HTTP ${status}).`);
        expect(run.stderr).toContain('hint: The instance has no /health endpoint (health endpoints are optional)');
        expect(run.stderr).not.toMatch(/unhealthy|not ready/);
        const doctor = await cli(['doctor', server.url, '--json']);
        const layers = json<{ layers: Array<{ layer: string; verdict: string; finding: string }> }>(doctor).layers;
        expect(layers.find((l) => l.layer === 'health')).toMatchObject({ verdict: 'skipped', finding: `The server has no /health or /ready (both ${status}): they are optional` });
      } finally {
        await server.close();
      }
    });
  }
});
