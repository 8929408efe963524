import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCallCommand } from '../../../renderer/workbench/cli-command';
import { Remote } from '../../../shared/model/remote';
import { cli, json, removeTestDataDir } from './cli-harness';

afterAll(() => removeTestDataDir());

// The playground over stdio, run from its TypeScript source through tsx's loader.
const STDIO_SERVER = ['--stdio', '--', process.execPath, '--import', 'tsx', 'main/core/playground/stdio-main.ts'];

describe('stdio servers after --', () => {
  it('tools, call with key=value and connect work over stdio', async () => {
    const tools = await cli(['tools', ...STDIO_SERVER]);
    expect(tools.code, tools.stderr).toBe(0);
    expect(tools.stdout).toMatch(/^echo\b/m);

    const call = await cli(['call', 'add', 'a=20', 'b=22', '--json', ...STDIO_SERVER]);
    expect(call.code, call.stderr).toBe(0);
    expect(json<{ content: Array<{ text: string }> }>(call).content[0].text).toBe('42');

    const connect = await cli(['connect', ...STDIO_SERVER]);
    expect(connect.stdout).toMatch(/Transport:\s+stdio/);
  });

  it("the app's Copy as CLI command for a stdio remote runs as copied (through a POSIX shell)", async () => {
    const [command, ...args] = STDIO_SERVER.slice(2);
    const remote = Remote.parse({ id: 'r1', name: 'stdio', transport: 'stdio', command, args, env: { PERISCOPE_TEST_NOTE: "it's fine" }, protocolEra: 'legacy', createdAt: 1, updatedAt: 1 });
    const copied = cliCallCommand({ remote, url: undefined, tool: 'echo', argumentsText: `{"message": "O'Brien -- $HOME"}`, timeoutMs: 20_000 })!;
    const argv = execFileSync('sh', ['-c', `printf '%s\\0' ${copied}`], { encoding: 'utf8' }).split('\0').slice(1, -1);
    argv.splice(argv.indexOf('--'), 0, '--json'); // ours, before the server's command line
    const run = await cli(argv);
    expect(run.code, run.stderr).toBe(0);
    expect(json<{ content: Array<{ text: string }> }>(run).content[0].text).toBe("O'Brien -- $HOME");
  });

  it('a missing stdio command is a spawn error (exit 40)', async () => {
    const run = await cli(['ping', '--stdio', '--', 'periscope-no-such-command-xyz']);
    expect(run.code).toBe(40);
    expect(run.stderr).toMatch(/^error: .+/m);
    expect(run.stderr).toMatch(/^hint: .+/m);
  });

  it('--stdio without a command after -- is a clear error', async () => {
    const run = await cli(['tools', '--stdio']);
    expect(run.code).toBe(11);
    expect(run.stderr).toContain('--stdio needs the server command');
  });
});

describe('periscope demo', () => {
  it('runs a session against its own playground and prints the era, the trace and a latency summary', async () => {
    const run = await cli(['demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^> connected to periscope-playground .* over streamable \(2026-07-28 era, protocol 2026-07-28\)$/m);
    expect(run.stdout).toMatch(/^ {2}Auto: the server answered server\/discover/m);
    expect(run.stdout).toContain('tools/call slow_operation');
    expect(run.stdout).toMatch(/progress slow_operation: 4\/4/);
    expect(run.stdout).toMatch(/Latency per method/);
    expect(run.stdout).toMatch(/^\s+method\s+count\s+p50 ms\s+p95 ms\s+max ms$/m);
    expect(run.stdout).toMatch(/^\s+tools\/call\s+3\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d$/m);
    // The 2026-07-28 era has no ping: the three liveness checks and the era probe are server/discover.
    expect(run.stdout).toMatch(/^\s+server\/discover\s+4\s/m);
    expect(run.stdout).not.toMatch(/^\s+ping\s/m);
  });

  it('--protocol-era legacy runs the same session in the 2025 era, with ping', async () => {
    const run = await cli(['demo', '--protocol-era', 'legacy']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^> connected to periscope-playground .* \(2025 era, protocol 2025-11-25\)$/m);
    expect(run.stdout).toMatch(/^\s+initialize\s+1\s/m);
    expect(run.stdout).toMatch(/^\s+ping\s+3\s/m);
  });

  it('--json gives the latency rows as data', async () => {
    const report = json<{ latency: Array<{ method: string; count: number; p50: number; p95: number; max: number }> }>(await cli(['demo', '--json']));
    const call = report.latency.find((r) => r.method === 'tools/call');
    expect(call?.count).toBe(3);
    expect(call!.p50).toBeLessThanOrEqual(call!.p95);
    expect(call!.p95).toBeLessThanOrEqual(call!.max);
  });
});
