import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

/** Builds out/cli/periscope.mjs as `npm run build:cli` does (what bin/periscope.js runs). */
export async function buildCli(): Promise<void> {
  await promisify(execFile)(process.execPath, ['build/build-cli.mjs']);
}

export interface BundledRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `periscope` as a real process. `stopWhen` is checked on every chunk of output;
 * once it holds, the process gets SIGTERM (as a service manager or `timeout` would send), so a
 * streaming command can be ended the way a user ends it; `onOutput` sees the output as it grows. A run still going after `limitMs` is
 * killed, and the test sees the output so far.
 */
export function periscope(
  args: string[],
  options: { stopWhen?: (out: { stdout: string; stderr: string }) => boolean; onOutput?: (out: { stdout: string; stderr: string }) => void; limitMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<BundledRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['bin/periscope.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const out = { stdout: '', stderr: '' };
    let stopped = false;
    const check = () => {
      options.onOutput?.(out);
      if (stopped || !options.stopWhen?.(out)) return;
      stopped = true;
      child.kill('SIGTERM');
    };
    child.stdout?.on('data', (d) => ((out.stdout += d), check()));
    child.stderr?.on('data', (d) => ((out.stderr += d), check()));
    const limit = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, ...out });
    });
  });
}
