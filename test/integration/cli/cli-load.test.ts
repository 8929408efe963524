import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { buildCli, periscope } from './support/bundled-cli';

/**
 * `periscope load` as the bundled binary: against the playground (2.x SDK) in both eras and a
 * 1.x SDK server; failures by kind and the exit code when every request failed; bad options
 * refused before connecting; SIGTERM (as Ctrl-C) stops the run and keeps what ran.
 */
let playground: RunningPlayground;
let v1: StreamableFixture;

beforeAll(async () => {
  await buildCli();
  [playground, v1] = await Promise.all([startPlayground({ port: 0 }), startStreamableFixture()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([playground?.close(), v1?.close()]);
});

interface LoadJson {
  tool: string;
  count: number;
  ok: number;
  errors: Record<string, { count: number; example: string }>;
  throughputPerS: number;
  cancelled: boolean;
  latency?: { min: number; p50: number; p99: number; max: number };
}

describe.each(['legacy', 'modern'] as const)('load on the playground, %s era', (era) => {
  it('sends exactly -n requests at -c in flight after the warm-up, and reports percentiles and throughput', async () => {
    const run = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '60', '-c', '16', '--warmup', '5', '--json', '--protocol-era', era]);
    expect(run.code, run.stderr).toBe(0);
    // 16 in flight on one connection: no Node warning (MaxListenersExceededWarning) on the terminal.
    expect(run.stderr).not.toMatch(/\(node:\d+\)|Warning:/);
    const result = JSON.parse(run.stdout) as LoadJson;
    expect(result).toMatchObject({ tool: 'echo', count: 60, ok: 60, errors: {}, cancelled: false });
    expect(result.throughputPerS).toBeGreaterThan(0);
    expect(result.latency!.min).toBeGreaterThan(0);
    expect(result.latency!.min).toBeLessThanOrEqual(result.latency!.p50);
    expect(result.latency!.p99).toBeLessThanOrEqual(result.latency!.max);
  });
});

describe('load', () => {
  it('against a 1.x SDK server, at a fixed rate for a duration, in text', async () => {
    // Workers enough for every request of the run at once: on a loaded machine a slow answer
    // must not hold back the next due request (with -c 2 it did, and fewer were sent).
    const run = await periscope(['load', v1.url, 'echo', 'message=x', '-d', '600ms', '-c', '32', '--rate', '50']);
    expect(run.code, run.stderr).toBe(0);
    const [summary, latency] = run.stdout.trim().split('\n');
    const count = Number(/^echo: (\d+) requests/.exec(summary!)?.[1]);
    // 50 requests/s for 0.6 s: about 30, whatever the server's speed.
    expect(count).toBeGreaterThanOrEqual(25);
    expect(count).toBeLessThanOrEqual(32);
    expect(latency).toMatch(/^latency: min [\d.]+ ms {2}p50 [\d.]+ ms .* max [\d.]+ ms$/);
  });

  it('every request failing ends with that kind’s exit code, the failures counted with an example', async () => {
    const run = await periscope(['load', playground.urls.streamable, 'fail', '-n', '6', '-c', '2']);
    expect(run.code).toBe(37);
    expect(run.stdout).toContain('failed (tool-error): 6, e.g. the tool answered with isError: true');
    // With --json stdout is the one result document; the exit code says that everything failed.
    const json = await periscope(['load', playground.urls.streamable, 'fail', '-n', '3', '--json']);
    expect(json.code).toBe(37);
    expect(JSON.parse(json.stdout)).toMatchObject({ count: 3, ok: 0, errors: { 'tool-error': { count: 3 } } });
  });

  it('refuses a plan that cannot run before connecting (exit 11)', async () => {
    for (const bad of [['-n', '5', '-d', '1s'], [], ['-n', '0'], ['-n', '2.5'], ['-d', 'soon'], ['-n', '5', '-c', '0'], ['-n', '5', '--rate', '-3']]) {
      // Port 9 on loopback: nothing listens, so a connection attempt would be a different error.
      const run = await periscope(['load', 'http://127.0.0.1:9/mcp', 'echo', ...bad]);
      expect(run.code, `${bad.join(' ')}: ${run.stderr}`).toBe(11);
    }
  });

  it('--compare: a run saved with --json, compared figure by figure; a file that is not one is refused before connecting', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'periscope-load-'));
    const first = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '30', '-c', '2', '--json']);
    expect(first.code, first.stderr).toBe(0);
    await writeFile(join(dir, 'before.json'), first.stdout);
    const second = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '30', '-c', '2', '--compare', join(dir, 'before.json')]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`compared with ${join(dir, 'before.json')}:`);
    expect(second.stdout).toMatch(/^ {2}throughput: [\d.]+ requests\/s → [\d.]+ requests\/s \([+−][\d.]+ %\)$/m);
    expect(second.stdout).toMatch(/^ {2}p99: [\d.]+ ms → [\d.]+ ms/m);
    const json = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '5', '--json', '--compare', join(dir, 'before.json')]);
    expect((JSON.parse(json.stdout) as { comparison: unknown[] }).comparison.length).toBeGreaterThanOrEqual(6);

    await writeFile(join(dir, 'other.json'), '{"tools": []}');
    // Content that is not a saved run is invalid input (11); a file that cannot be read, a storage failure (52).
    for (const [bad, code] of [[join(dir, 'other.json'), 11], [join(dir, 'missing.json'), 52], [dir, 52]] as const) {
      const run = await periscope(['load', 'http://127.0.0.1:9/mcp', 'echo', '-n', '5', '--compare', bad]);
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toContain('--compare');
    }
  });

  it('SIGTERM (as Ctrl-C) stops a long run; what ran is reported', async () => {
    const run = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-d', '60s', '-c', '2', '--json'], {
      stopWhen: ({ stderr }) => stderr.includes('progress:'),
    });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as LoadJson;
    expect(result.cancelled).toBe(true);
    expect(result.count).toBeGreaterThan(0);
    expect(result.ok).toBe(result.count);
  });
});
