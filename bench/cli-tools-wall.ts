import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startPlayground } from '../main/core/playground/start-playground';
import { median } from './median';

const RUNS = 9;
const here = dirname(fileURLToPath(import.meta.url));
const PERISCOPE_BIN = join(here, '..', 'bin', 'periscope.js');

/**
 * Whole-process wall time of `periscope tools URL` against the official Inspector CLI
 * (`@modelcontextprotocol/inspector --cli URL --method tools/list`) on the same local server: the
 * playground over Streamable HTTP, run in this process. The two commands alternate (which goes
 * first swaps every pair), each run a fresh `node` process from spawn to exit, and the figure is
 * the ratio of the medians, periscope ÷ inspector. Two floors are measured alongside: `node -e 0`
 * (Node's own start-up) and the SDK floor, a bare v2 SDK client that connects, lists the tools
 * and prints their names (sdk-floor-client.ts), bundled and minified as the CLI is: no command
 * on that SDK can start faster, so `cli-tools-wall-sdk-floor-ratio` (floor ÷ inspector) is the
 * lowest `cli-tools-wall-ratio` can go without replacing the SDK. The untimed first run of each
 * command also writes periscope's code cache (bin/compile-cache.js), in the user's cache folder
 * as for anyone who has run the CLI before.
 * Target ≤ 0.5. Needs the CLI bundle (`npm run bench` builds it first).
 */
export async function benchCliToolsWall(): Promise<Record<string, number>> {
  const inspectorBin = inspectorLauncher();
  const playground = await startPlayground();
  const floorDir = await mkdtemp(join(tmpdir(), 'periscope-sdk-floor-'));
  const url = playground.urls.streamable;
  try {
    const commands = {
      periscope: [PERISCOPE_BIN, 'tools', url],
      inspector: [inspectorBin, '--cli', url, '--method', 'tools/list'],
      sdkFloor: [await bundleSdkFloorClient(floorDir), url],
      node: ['-e', '0'],
    };
    // One untimed run of each: the file system cache then holds every program.
    for (const args of Object.values(commands)) await timedRun(args);
    const times: Record<keyof typeof commands, number[]> = { periscope: [], inspector: [], sdkFloor: [], node: [] };
    for (let run = 0; run < RUNS; run++) {
      const order: Array<keyof typeof commands> = run % 2 === 0 ? ['periscope', 'inspector', 'sdkFloor', 'node'] : ['sdkFloor', 'inspector', 'periscope', 'node'];
      for (const name of order) times[name].push(await timedRun(commands[name]));
    }
    const periscope = median(times.periscope);
    const inspector = median(times.inspector);
    const sdkFloor = median(times.sdkFloor);
    return {
      'cli-tools-wall-ratio': periscope / inspector,
      'cli-tools-wall-periscope-ms': periscope,
      'cli-tools-wall-inspector-ms': inspector,
      'cli-tools-wall-sdk-floor-ratio': sdkFloor / inspector,
      'cli-tools-wall-sdk-floor-ms': sdkFloor,
      'cli-tools-wall-node-floor-ms': median(times.node),
    };
  } finally {
    await playground.close();
    await rm(floorDir, { recursive: true, force: true });
  }
}

/** sdk-floor-client.ts bundled with the CLI's settings (one minified ESM file for Node 20); returns its path. */
async function bundleSdkFloorClient(dir: string): Promise<string> {
  const outfile = join(dir, 'sdk-floor-client.mjs');
  await build({ entryPoints: [join(here, 'sdk-floor-client.ts')], outfile, bundle: true, platform: 'node', format: 'esm', minify: true, target: 'node20', logLevel: 'warning' });
  return outfile;
}

/** The Inspector's launcher script, from its package's `bin` (the `inspector` command). */
function inspectorLauncher(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@modelcontextprotocol/inspector/package.json');
  const manifest = require(manifestPath) as { bin: Record<string, string> };
  const launcher = manifest.bin['inspector'];
  if (!launcher) throw new Error('the @modelcontextprotocol/inspector package has no `inspector` command');
  return join(dirname(manifestPath), launcher);
}

/** Milliseconds from spawning `node ARGS` to its exit; rejects when it fails. */
function timedRun(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.slice(0, 2).join(' ')} exited ${code}: ${stderr.trim().slice(0, 300)}`));
    });
  });
}
