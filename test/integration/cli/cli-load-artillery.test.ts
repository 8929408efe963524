import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startModernOnlyFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { buildCli, periscope } from './support/bundled-cli';

/**
 * `periscope load --artillery FILE`, then the exported scenario run by the real `artillery` (2.x)
 * against the same servers: a 2026-07-28-only server built on the v2 SDK, and a 1.x SDK server
 * with 2025-era sessions. The servers record what reached them, so the test sees that Artillery
 * sent the same requests (method, name, headers, the secret from the environment) and that the
 * secret itself is not in the file.
 */
const TOKEN = 'tok-artillery-51f3c9';
let modern: V2StreamableFixture;
let legacy: StreamableFixture;
let dir: string;

beforeAll(async () => {
  await buildCli();
  [modern, legacy] = await Promise.all([startModernOnlyFixture(), startStreamableFixture()]);
  dir = await mkdtemp(join(tmpdir(), 'periscope-artillery-'));
}, 60_000);
afterAll(async () => {
  await Promise.all([modern?.close(), legacy?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** Runs `artillery run FILE` with the given environment; resolves with its report text. */
async function artillery(file: string, env: Record<string, string> = {}): Promise<string> {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('artillery/package.json')), 'bin', 'run');
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'run', file], {
    env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', ...env },
    timeout: 120_000,
  });
  return stdout;
}

describe('periscope load --artillery', () => {
  it('exports a 2026-07-28 run that Artillery replays: same requests, the secret from the environment', async () => {
    const file = join(dir, 'modern.yml');
    const run = await periscope(['load', modern.url, 'echo', 'message=hi', '-n', '6', '-c', '2', '-H', `Authorization: Bearer ${TOKEN}`, '--artillery', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: 6, artillery: { file, env: ['PERISCOPE_HEADER_AUTHORIZATION'] } });
    expect(run.stderr).toContain('set PERISCOPE_HEADER_AUTHORIZATION in the environment');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('Bearer {{ $env.PERISCOPE_HEADER_AUTHORIZATION }}');

    const before = modern.requests.length;
    const report = await artillery(file, { PERISCOPE_HEADER_AUTHORIZATION: TOKEN });
    expect(report).toMatch(/http\.codes\.200: \.+ 6\b/);
    const calls = modern.requests.slice(before).filter((r) => r.headers['mcp-method'] === 'tools/call');
    expect(calls).toHaveLength(6);
    for (const call of calls) {
      expect(call.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'mcp-name': 'echo', 'mcp-protocol-version': '2026-07-28' });
    }
  });

  it('exports a 2025-era run at a fixed rate: each virtual user opens, uses and ends its own session', async () => {
    const file = join(dir, 'legacy.yml');
    const run = await periscope(['load', legacy.url, 'echo', 'message=hi', '-n', '4', '--rate', '20', '--protocol-era', 'legacy', '--artillery', file]);
    expect(run.code, run.stderr).toBe(0);
    const before = legacy.requests.length;
    const report = await artillery(file);
    expect(report).toMatch(/vusers\.completed: \.+ 4\b/);
    const seen = legacy.requests.slice(before);
    const sessions = new Set(seen.filter((r) => r.method === 'POST' && r.headers['mcp-session-id']).map((r) => r.headers['mcp-session-id']));
    expect(sessions.size).toBe(4);
    // Per session: the initialized notification and one call carry its id; then it is ended.
    expect(seen.filter((r) => r.method === 'POST' && r.headers['mcp-session-id'])).toHaveLength(8);
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.headers['mcp-session-id']).sort()).toEqual([...sessions].sort());
  });

  it('refuses, before connecting, a duration without a rate (Artillery has no such plan)', async () => {
    const before = modern.requests.length;
    const run = await periscope(['load', modern.url, 'echo', 'message=hi', '-d', '2s', '--artillery', join(dir, 'never.yml')]);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/no Artillery equivalent/);
    expect(modern.requests.length).toBe(before);
  });

  it('refuses, before connecting, an --artillery path it cannot write (a folder, a missing folder, under a file)', async () => {
    await writeFile(join(dir, 'plain.txt'), 'a file, not a folder');
    const before = modern.requests.length;
    for (const [path, why] of [[dir, 'EISDIR'], [join(dir, 'no-such-folder', 'run.yml'), 'ENOENT: no folder'], [join(dir, 'plain.txt', 'run.yml'), 'ENOTDIR']] as const) {
      const run = await periscope(['load', modern.url, 'echo', 'message=hi', '-n', '2', '--artillery', path]);
      expect(run.code, run.stderr).toBe(52);
      expect(run.stderr).toContain(`error: Cannot write the Artillery scenario to ${path} (${why}`);
      expect(run.stderr).toMatch(/^hint: Choose a file in a folder that exists/m);
    }
    expect(modern.requests.length).toBe(before);
  });
});
