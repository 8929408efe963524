import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../../main/cli/cli-context';
import { CommandOutput } from '../../../main/cli/output';
import { buildProgram, COMMAND_REGISTRATIONS } from '../../../main/cli/program';
import { runCli } from '../../../main/cli/run-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'periscope-command-tree-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough(), env: {}, dataDir });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function fullProgramCommandNames(): string[] {
  const ctx = createCliContext({ stdout: new Sink(), stderr: new Sink(), stdin: new PassThrough(), env: {}, dataDir });
  const program = buildProgram({ ...ctx, out: new CommandOutput(ctx.stdout, ctx.stderr, false) });
  return program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
}

describe('the command tree built for one command', () => {
  const listed = COMMAND_REGISTRATIONS.flatMap(([names]) => names);

  it('lists every top-level command the registrations add, and nothing else', () => {
    expect([...listed].sort()).toEqual(fullProgramCommandNames().sort());
  });

  // Building only the command asked for must not change it: its help (every option, argument
  // and description) is the same as in the whole tree, for every command.
  it.each(listed.filter((name) => name !== 'help'))('`%s --help` is the same command as in the whole tree', async (name) => {
    const alone = await run([name, '--help']);
    const inWholeTree = await run(['help', name]);
    expect(alone.code).toBe(0);
    expect(inWholeTree.code).toBe(0);
    expect(alone.stdout).toContain(`Usage: periscope ${name}`);
    expect(alone.stdout).toBe(inWholeTree.stdout);
  });

  it('builds every command for a misspelt one, so the suggestion still comes', async () => {
    const result = await run(['tool', 'http://127.0.0.1:9/mcp']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(Did you mean tools?)');
  });
});
