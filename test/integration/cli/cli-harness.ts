import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../../main/cli/run-cli';

/** Collects what the CLI writes; `onText` lets a test react to output as it appears. */
export class TextSink extends Writable {
  text = '';
  constructor(private readonly onText?: (chunk: string, all: string) => void) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    const piece = chunk.toString();
    this.text += piece;
    this.onText?.(piece, this.text);
    done();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text the command reads on standard input. */
  stdin?: string;
  /** Standard input claims to be a terminal (prompts are shown and answered from `stdin`). */
  stdinIsTTY?: boolean;
  onStdout?: (chunk: string, all: string) => void;
  onStderr?: (chunk: string, all: string) => void;
  /** Receives the function that simulates Ctrl-C for this run. */
  interrupt?: (fire: () => void) => void;
  /** Extra environment variables for this run (e.g. MCP_CONFORMANCE_CONTEXT). */
  env?: NodeJS.ProcessEnv;
}

let dataDir: string | undefined;

/** A private, empty remotes folder so no test reads a developer's saved remotes. */
export function testDataDir(): string {
  dataDir ??= mkdtempSync(join(tmpdir(), 'periscope-cli-data-'));
  return dataDir;
}

export function removeTestDataDir(): void {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
}

/** Runs the whole CLI in-process, as `periscope <argv...>` would. */
export async function cli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = new TextSink(options.onStdout);
  const stderr = new TextSink(options.onStderr);
  const listeners = new Set<() => void>();
  options.interrupt?.(() => [...listeners].forEach((l) => l()));
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), options.stdinIsTTY ? { isTTY: true } : {}),
    env: { ...process.env, PERISCOPE_DATA_DIR: testDataDir(), ...options.env },
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Parses --json output, failing the test with the raw text when it is not JSON. */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

