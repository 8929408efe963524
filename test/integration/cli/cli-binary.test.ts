import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { closedPort } from './cli-harness';

const run = promisify(execFile);
let playground: RunningPlayground;

beforeAll(async () => {
  // The same build `npm ci` runs through the prepare script.
  await run(process.execPath, ['build/build-cli.mjs']);
  playground = await startPlayground({ port: 0 });
}, 60_000);
afterAll(async () => {
  await playground?.close();
});

function periscope(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/periscope.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the built periscope binary', () => {
  it('prints help and documents exit codes', async () => {
    const help = await periscope(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: periscope/);
    for (const command of ['connect', 'tools', 'call', 'resources', 'read', 'prompts', 'prompt', 'complete', 'subscribe', 'logs', 'ping', 'exercise', 'playground', 'demo', 'remotes', 'help']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('lists tools as JSON and exits 0, then exits 21 with a hint on a refused port', async () => {
    const tools = await periscope(['tools', playground.urls.streamable, '--json']);
    expect(tools.code, tools.stderr).toBe(0);
    expect((JSON.parse(tools.stdout) as { tools: unknown[] }).tools.length).toBeGreaterThan(3);

    const refused = await periscope(['ping', `http://127.0.0.1:${await closedPort()}/mcp`, '--transport', 'streamable']);
    expect(refused.code).toBe(21);
    expect(refused.stderr).toMatch(/^hint: /m);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('serves the playground over stdio to itself (periscope tools --stdio -- periscope playground --stdio)', async () => {
    const run = await periscope(['tools', '--json', '--stdio', '--', process.execPath, 'bin/periscope.js', 'playground', '--stdio']);
    expect(run.code, run.stderr).toBe(0);
    const names = (JSON.parse(run.stdout) as { tools: Array<{ name: string }> }).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'add', 'slow_operation']));
  });

  // The bundle loads these parts on use, from chunks of their own: each must still be found.
  it('runs the commands whose parts load on use: load (HDR histograms) and --insecure (undici)', async () => {
    const load = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '5', '-c', '2', '--json']);
    expect(load.code, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ count: 5, ok: 5 });

    const insecure = await periscope(['tools', playground.urls.streamable, '--insecure', '--json']);
    expect(insecure.code, insecure.stderr).toBe(0);
    expect(insecure.stderr).toMatch(/certificate checks are OFF/);
  });

  it('runs the demo end to end', async () => {
    const demo = await periscope(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Latency per method/);
  });
});
