import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIALIZE_BODY } from './support/playground-clients';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

function runStdioMain(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn('npx', ['tsx', 'main/core/playground/stdio-main.ts', ...args], { cwd: REPO_ROOT });
  children.push(child);
  return child;
}

/** Resolves the stdout lines one by one, as they arrive. */
function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  return () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve)));
}

describe('stdio playground (stdio-main.ts)', () => {
  it('applies --fault malformed-json: the answer line is not JSON', async () => {
    const child = runStdioMain(['--fault', 'malformed-json']);
    const nextLine = lineReader(child);
    child.stdin.write(`${JSON.stringify(INITIALIZE_BODY)}\n`);
    const line = await nextLine();
    expect(() => JSON.parse(line)).toThrow(SyntaxError);
  });

  it('applies --fault latency=<ms> before answering', async () => {
    const child = runStdioMain(['--fault=latency=400']);
    const nextLine = lineReader(child);
    child.stdin.write(`${JSON.stringify(INITIALIZE_BODY)}\n`);
    expect(JSON.parse(await nextLine())).toMatchObject({ id: 1, result: { serverInfo: { name: 'periscope-playground' } } });
    // Timed on a second request, once the process is surely up, so start-up time cannot pass for latency.
    const started = performance.now();
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' })}\n`);
    expect(JSON.parse(await nextLine())).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('exits with code 1 and a message on stderr for an unknown fault', async () => {
    const child = runStdioMain(['--fault', 'explode']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown fault "explode"');
  });

  it('exits cleanly when stdin ends', async () => {
    const child = runStdioMain([]);
    const nextLine = lineReader(child);
    child.stdin.write(`${JSON.stringify(INITIALIZE_BODY)}\n`);
    await nextLine();
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
