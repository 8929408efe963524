import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { refusedPort } from '../../support/refused-port';

const run = promisify(execFile);
let playground: RunningPlayground;
// The launcher's code cache goes to the user's cache folder (XDG_CACHE_HOME here): each test file
// gets its own, so the first run below compiles and writes it and the later ones run from it.
const cacheHome = mkdtempSync(join(tmpdir(), 'periscope-cli-cache-'));
const cacheDir = join(cacheHome, 'mcp-periscope', 'cli-compile-cache');

beforeAll(async () => {
  // The same build `npm ci` runs through the prepare script.
  await run(process.execPath, ['build/build-cli.mjs']);
  playground = await startPlayground({ port: 0 });
}, 60_000);
afterAll(async () => {
  await playground?.close();
  rmSync(cacheHome, { recursive: true, force: true });
});

function periscope(args: string[], script = 'bin/periscope.js', cacheRoot = cacheHome): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cacheRoot } });
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

    const refused = await periscope(['ping', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable']);
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

  // The bundle runs these parts on use (their module bodies wait for the first import): each must
  // still work, also in code that came from the code cache.
  it('runs the commands whose parts load on use: load (HDR histograms), --insecure (undici), --ca (node:tls)', async () => {
    const load = await periscope(['load', playground.urls.streamable, 'echo', 'message=hi', '-n', '5', '-c', '2', '--json']);
    expect(load.code, load.stderr).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ count: 5, ok: 5 });

    const insecure = await periscope(['tools', playground.urls.streamable, '--insecure', '--json']);
    expect(insecure.code, insecure.stderr).toBe(0);
    expect(insecure.stderr).toMatch(/certificate checks are OFF/);

    const caFile = join(cacheHome, 'ca.pem');
    writeFileSync(caFile, rootCertificates[0]!);
    const withCa = await periscope(['tools', playground.urls.streamable, '--ca', caFile, '--json']);
    expect(withCa.code, withCa.stderr).toBe(0);
    expect((JSON.parse(withCa.stdout) as { tools: unknown[] }).tools.length).toBeGreaterThan(3);
  });

  it('keeps one code cache for the build, listing the commands it has run, and answers the same from it', async () => {
    const cold = await periscope(['tools', playground.urls.streamable, '--json']);
    const cached = await periscope(['tools', playground.urls.streamable, '--json']);
    expect(cached).toEqual(cold);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    const buildId = /^\/\* periscope-build ([0-9a-f]{32}) \*\//.exec(readFileSync('out/cli/periscope.cjs', 'latin1'))?.[1];
    expect(files[0]).toBe(`${buildId}-${process.version}-${process.arch}.v8cache`);
    const header = JSON.parse(readFileSync(join(cacheDir, files[0]!), 'latin1').split('\n')[0]!) as { commands: string[]; builtins: Record<string, string[]> };
    expect(header.commands).toEqual(expect.arrayContaining(['tools', 'load']));
    // What `tools` loads of Node's own, loaded first at its next start (bin/early-builtins.js).
    expect(header.builtins['tools']).toEqual(expect.arrayContaining(['http', 'fetch']));
  });

  // The launcher turns V8's incremental marking back on once start-up is over, and V8 takes a code
  // cache only under the flags it was made with: a command that ran past start-up must still
  // write its cache under the start-up flags. Were it not, the next command would refuse the
  // cache and write it again holding that command alone.
  it('leaves a code cache the next command runs from after a command that ran past start-up', async () => {
    const ownCacheHome = mkdtempSync(join(tmpdir(), 'periscope-cli-cache-long-'));
    try {
      const cachedCommands = () => {
        const dir = join(ownCacheHome, 'mcp-periscope', 'cli-compile-cache');
        const [file, ...others] = readdirSync(dir);
        expect(others).toEqual([]);
        return (JSON.parse(readFileSync(join(dir, file!), 'latin1').split('\n')[0]!) as { commands: string[] }).commands;
      };
      const tools = () => periscope(['tools', playground.urls.streamable, '--json'], undefined, ownCacheHome);
      expect((await tools()).code).toBe(0);
      const started = performance.now();
      const slow = await periscope(['call', playground.urls.streamable, 'slow_operation', 'steps=3', 'stepMs=500', '--json'], undefined, ownCacheHome);
      expect(slow.code, slow.stderr).toBe(0);
      expect(performance.now() - started).toBeGreaterThan(1500);
      expect(cachedCommands()).toEqual(['tools', 'call']);
      expect((await tools()).code).toBe(0);
      expect(cachedCommands()).toEqual(['tools', 'call']);
    } finally {
      rmSync(ownCacheHome, { recursive: true, force: true });
    }
  });

  // `node out/cli/periscope.cjs …` (the bundle itself, without the launcher) runs the same CLI:
  // it once printed nothing and exited 0 whatever it was given.
  it('runs as the same CLI when Node is given the bundle directly: output, errors and exit codes', async () => {
    const direct = (args: string[]) => periscope(args, 'out/cli/periscope.cjs');
    const version = await direct(['--version']);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe((await periscope(['--version'])).stdout.trim());
    const tools = await direct(['tools', playground.urls.streamable, '--json']);
    expect(tools.code, tools.stderr).toBe(0);
    expect((JSON.parse(tools.stdout) as { tools: unknown[] }).tools.length).toBeGreaterThan(3);
    const unknown = await direct(['no-such-command']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown command 'no-such-command'/m);
    const refused = await direct(['ping', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable']);
    expect(refused.code).toBe(21);
    expect(refused.stderr).toMatch(/^hint: /m);
  });

  it('runs the demo end to end', async () => {
    const demo = await periscope(['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Latency per method/);
  });
});
