import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'periscope-imported-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let dataDir: string;
let marker: string;
let n = 0;

/** An mcpServers file: `marker` writes a file when it runs (it is no MCP server), `edge` is the CLI's stdio fixture. */
function importFile(): string {
  const file = join(dir, `servers-${n}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      mcpServers: {
        marker: { command: process.execPath, args: ['-e', 'require("fs").writeFileSync(process.argv[1], "ran")', marker], env: { NODE_OPTIONS: '--no-warnings', API_KEY: 'value-never-shown-3f9a' } },
        edge: { command: process.execPath, args: ['test/fixtures/sdk-servers/cli-edge-stdio.mjs'] },
        remote: { url: 'https://mcp.example.com/mcp' },
      },
    }),
  );
  return file;
}

const run = (argv: string[], options: Parameters<typeof cli>[1] = {}) => cli([...argv, '--data-dir', dataDir], options);

beforeEach(async () => {
  n++;
  dataDir = join(dir, `data-${n}`);
  marker = join(dir, `ran-${n}`);
  const imported = await run(['remotes', 'import', importFile()]);
  expect(imported.code, imported.stderr).toBe(0);
});

describe('stdio remotes imported from a file', () => {
  it('the import report names each command, its arguments and env NAMES (never values), and flags the dangerous ones', async () => {
    const first = await cli(['remotes', 'import', importFile(), '--data-dir', join(dir, `fresh-${n}`)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`imported  marker (mcpServers.marker)\n          command: ${process.execPath} -e "require(\\"fs\\").writeFileSync(process.argv[1], \\"ran\\")" ${marker}\n          env: NODE_OPTIONS, API_KEY (values hidden)\n          warning: NODE_OPTIONS can make the command load and run other code\n          not run until you confirm it: periscope remotes confirm marker\n`);
    expect(first.stdout).toMatch(/imported {2}remote \(mcpServers\.remote\)\n(?! {10}command)/);
    expect(first.stdout + first.stderr).not.toContain('value-never-shown-3f9a');
    const asJson = JSON.parse((await cli(['remotes', 'import', importFile(), '--json', '--data-dir', join(dir, `json-${n}`)])).stdout);
    expect(asJson.entries[0].command).toEqual({ command: process.execPath, args: expect.any(Array), envNames: ['NODE_OPTIONS', 'API_KEY'], dangerousEnv: ['NODE_OPTIONS'], needsConfirmation: true });
    const list = await run(['remotes', 'list']);
    expect(list.stdout).toMatch(/^marker +stdio +.*\(imported, not confirmed\)$/m);
    expect(list.stdout).toMatch(/^remote +auto +https:\/\/mcp\.example\.com\/mcp$/m);
  });

  it('without a terminal and without --confirm-command it is refused (exit 13) and nothing runs', async () => {
    for (const command of ['tools', 'connect', 'ping']) {
      const refused = await run([command, 'marker']);
      expect(refused.code).toBe(13);
      expect(refused.stderr).toMatch(/^error: Remote "marker" came from an imported file and runs a command nobody has confirmed yet; nothing was run\. command: .*; env: NODE_OPTIONS, API_KEY \(values hidden\); warning: NODE_OPTIONS can make/m);
      expect(refused.stderr).toMatch(/^hint: If you trust it, review and confirm the command once; nothing runs until then. \(periscope remotes confirm marker, or --confirm-command on this command\)$/m);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('on a terminal it asks once: "n" refuses (exit 13), nothing runs and it asks again next time', async () => {
    const declined = await run(['tools', 'marker'], { stdin: 'n\n', stdinIsTTY: true });
    expect(declined.code).toBe(13);
    expect(declined.stderr).toContain('Remote "marker" was imported from a file and runs a command on this machine:\n  command: ');
    expect(declined.stderr).toContain('  env: NODE_OPTIONS, API_KEY (values hidden)\n');
    expect(declined.stderr).toMatch(/Run it .*\? \[y\/N\] error: The command of remote "marker" was not confirmed; nothing was run\./);
    expect(existsSync(marker)).toBe(false);
    expect((await run(['tools', 'marker'], { stdin: '\n', stdinIsTTY: true })).code).toBe(13); // Enter is no
    expect(existsSync(marker)).toBe(false);
  });

  it('on a terminal "y" runs it, and remembers: the next run, even without a terminal, just works', async () => {
    const accepted = await run(['tools', 'edge'], { stdin: 'y\n', stdinIsTTY: true });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/^echo_args\b/m);
    const later = await run(['tools', 'edge']);
    expect(later.code, later.stderr).toBe(0);
    expect((await run(['remotes', 'list'])).stdout).toMatch(/^edge +stdio +\S+ test\/fixtures\/sdk-servers\/cli-edge-stdio\.mjs$/m);
  });

  it('--confirm-command confirms for good; remotes confirm does the same, showing what it confirmed', async () => {
    const flagged = await run(['tools', 'edge', '--confirm-command']);
    expect(flagged.code, flagged.stderr).toBe(0);
    expect((await run(['tools', 'edge'])).code).toBe(0);

    const confirmed = await run(['remotes', 'confirm', 'marker']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/^Confirmed the command of remote "marker"; it runs when you connect:\n {2}command: .*\n {2}env: NODE_OPTIONS, API_KEY \(values hidden\)\n/);
    await run(['ping', 'marker']); // it runs now (and fails: it is no MCP server)
    expect(existsSync(marker)).toBe(true);
    expect((await run(['remotes', 'confirm', 'no-such'])).code).toBe(12);
    expect((await run(['remotes', 'confirm', 'remote'])).stdout).toBe('Remote "remote" runs no command; nothing to confirm.\n');
  });

  it('editing the command yourself confirms it; editing anything else does not', async () => {
    expect((await run(['remotes', 'edit', 'marker', '--notes', 'looked at it'])).code).toBe(0);
    expect((await run(['tools', 'marker'])).code).toBe(13);
    expect((await run(['remotes', 'edit', 'edge', '--command', process.execPath, '--arg', 'test/fixtures/sdk-servers/cli-edge-stdio.mjs', '--arg', '--unused'])).code).toBe(0);
    const edited = await run(['tools', 'edge']);
    expect(edited.code, edited.stderr).toBe(0);
  });

  it('a command you give yourself (remotes add, --stdio) never asks', async () => {
    expect((await run(['remotes', 'add', 'mine', '--command', process.execPath, '--arg', 'test/fixtures/sdk-servers/cli-edge-stdio.mjs'])).code).toBe(0);
    expect((await run(['tools', 'mine'])).code).toBe(0);
    expect((await run(['tools', '--stdio', '--', process.execPath, 'test/fixtures/sdk-servers/cli-edge-stdio.mjs'])).code).toBe(0);
  });
});
