import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');
const SUITE_CLI = join(REPO_ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
/** Loaded into the suite's process only (never the client's): Node 20 globSync, loopback binding. */
const SUITE_PRELOADS = ['glob-sync-polyfill.mjs', 'loopback-listen.mjs'].flatMap((file) => ['--import', join(here, file)]);

/** One check as the suite writes it to checks.json. */
export interface ConformanceCheck {
  id: string;
  name: string;
  description: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
  details?: unknown;
}

export interface ClientScenarioResult {
  /** The suite's own verdict: it exits 0 only with no FAILURE or WARNING check, no client timeout and (unless the scenario allows it) a client exit code of 0. */
  passed: boolean;
  suiteExitCode: number | null;
  durationMs: number;
  checks: ConformanceCheck[];
  /** Everything a reader needs when a run fails: failing checks, the suite's summary, the client's output. */
  failureText: string;
}

export interface ClientScenarioOptions {
  scenario: string;
  specVersion?: string;
  /** The client command as the suite takes it: split on single spaces (no quoting), the server URL appended, run through a shell in REPO_ROOT. */
  command: string;
  /** The suite's per-client timeout (its default is 30 s). */
  timeoutMs?: number;
}

/**
 * Runs one client scenario of the official suite against `command`:
 * `conformance client --command <command> --scenario <s> [--spec-version <v>] --timeout <ms> -o <tmp>`.
 * The suite writes `<tmp>/<scenario>-<time>/{checks.json,stdout.txt,stderr.txt}` (the last two
 * are the client's output); its own summary goes to its stderr.
 */
export async function runClientScenario(options: ClientScenarioOptions): Promise<ClientScenarioResult> {
  const outputDir = await mkdtemp(join(tmpdir(), 'periscope-conformance-'));
  const args = [...SUITE_PRELOADS, SUITE_CLI, 'client', '--command', options.command, '--scenario', options.scenario];
  if (options.specVersion) args.push('--spec-version', options.specVersion);
  args.push('--timeout', String(options.timeoutMs ?? 30_000), '-o', outputDir);
  const started = performance.now();
  try {
    const suite = await run(process.execPath, args);
    const durationMs = Math.round(performance.now() - started);
    const saved = await readSaved(outputDir);
    const problems = saved.checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
    const failureText = [
      `scenario ${options.scenario} at ${options.specVersion ?? 'the default revision'}: suite exit code ${suite.exitCode}`,
      ...problems.map((c) => `${c.status} [${c.id}] ${c.name}: ${c.errorMessage ?? c.description}`),
      '--- suite output (tail) ---', tail(suite.stdout + suite.stderr, 60),
      '--- client stdout (tail) ---', tail(saved.clientStdout, 40),
      '--- client stderr (tail) ---', tail(saved.clientStderr, 40),
    ].join('\n');
    return { passed: suite.exitCode === 0, suiteExitCode: suite.exitCode, durationMs, checks: saved.checks, failureText };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function readSaved(outputDir: string): Promise<{ checks: ConformanceCheck[]; clientStdout: string; clientStderr: string }> {
  // `auth/x` scenarios are saved one folder deeper: <dir>/auth/x-<time>/.
  const entries = await readdir(outputDir, { recursive: true });
  const checksFile = entries.find((entry) => entry.endsWith('checks.json'));
  if (!checksFile) return { checks: [], clientStdout: '(the suite saved no results)', clientStderr: '' };
  const runDir = dirname(checksFile);
  const read = (file: string) => readFile(join(outputDir, runDir, file), 'utf8').catch(() => '');
  const checksText = await read('checks.json');
  return { checks: checksText ? (JSON.parse(checksText) as ConformanceCheck[]) : [], clientStdout: await read('stdout.txt'), clientStderr: await read('stderr.txt') };
}

/** The client under test should see the environment a user's shell gives it, not the test runner's. */
function suiteEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'NODE_ENV') delete env[key];
  return env;
}

function run(command: string, args: string[]): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: suiteEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolveRun({ exitCode, stdout, stderr }));
  });
}

function tail(text: string, lines: number): string {
  // The suite colours its summary; escapes only make failure messages harder to read.
  return stripVTControlCharacters(text).trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
}
