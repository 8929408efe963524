import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../main/cli/terminal-safe';
import { cli, json, removeTestDataDir, testDataDir, type CliRun } from './cli-harness';
import { EDGE_SERVER, HOSTILE, HOSTILE_SHOWN } from './support/edge-server';

afterAll(() => removeTestDataDir());

// A character a terminal obeys or hides; none may reach stdout or stderr in human output.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectSafe(run: CliRun): void {
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stderr).not.toMatch(RAW_CONTROL);
}

describe('server-supplied text reaches the terminal neutralised, on every output path', () => {
  it('tools listing: tool descriptions, property names and property descriptions', async () => {
    const run = await cli(['tools', ...EDGE_SERVER]);
    expect(run.code, run.stderr).toBe(0);
    expectSafe(run);
    expect(run.stdout).toContain(`hostile  - description ${HOSTILE_SHOWN}`);
    expect(run.stdout).toContain(`arg${HOSTILE_SHOWN}?: string  ${HOSTILE_SHOWN}`);
  });

  it('call: result text and structured content; --trace: trace lines and the server\'s stderr lines', async () => {
    const run = await cli(['call', 'hostile', '--trace', ...EDGE_SERVER]);
    expect(run.code, run.stderr).toBe(0);
    expectSafe(run);
    expect(run.stdout).toContain(`result ${HOSTILE_SHOWN}`);
    expect(run.stdout).toContain(`"note": ${terminalSafe(JSON.stringify(HOSTILE))}`);
    expect(run.stderr).toMatch(/stderr\s+stderr \\u001b\]52;c;aGk=\\u0007/);
  });

  it('error and hint lines: a JSON-RPC error message from the server', async () => {
    const run = await cli(['call', 'rpc_error', ...EDGE_SERVER]);
    expect(run.code).toBe(33);
    expectSafe(run);
    expect(run.stderr).toMatch(/^error: .*failed \\u001b\]52;c;aGk=\\u0007/m);
  });

  it('connect: the server name and its instructions', async () => {
    const run = await cli(['connect', ...EDGE_SERVER]);
    expect(run.code, run.stderr).toBe(0);
    expectSafe(run);
    expect(run.stdout).toContain(`edge${HOSTILE_SHOWN}`);
    expect(run.stdout).toContain(`instructions ${HOSTILE_SHOWN}`);
  });

  it('exercise: step lines quoting results and errors', async () => {
    const run = await cli(['exercise', ...EDGE_SERVER]);
    expectSafe(run);
    expect(run.stdout).toMatch(/error\s+tools\/call rpc_error .*failed \\u001b\]52/);
  });

  it('saved remotes: an imported name and command in the import report, list and show', async () => {
    const file = join(testDataDir(), 'hostile-import.json');
    writeFileSync(file, JSON.stringify({ mcpServers: { [`evil${HOSTILE}`]: { command: `node${HOSTILE}`, args: [HOSTILE] } } }));
    const imported = await cli(['remotes', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expectSafe(imported);
    expect(imported.stdout).toContain(`evil${HOSTILE_SHOWN}`);
    for (const argv of [['remotes', 'list'], ['remotes', 'show', `evil${HOSTILE}`]]) {
      const run = await cli(argv);
      expect(run.code, run.stderr).toBe(0);
      expectSafe(run);
      expect(run.stdout).toContain(`evil${HOSTILE_SHOWN}`);
    }
    const missing = await cli(['remotes', 'show', `nope${HOSTILE}`]);
    expect(missing.code).toBe(12);
    expectSafe(missing);
  });

  it('--json stays exact JSON: the hostile strings come back unchanged after JSON.parse', async () => {
    const run = await cli(['call', 'hostile', '--json', ...EDGE_SERVER]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const result = json<{ content: Array<{ text: string }>; structuredContent: { note: string } }>(run);
    expect(result.content[0]!.text).toBe(`result ${HOSTILE}`);
    expect(result.structuredContent.note).toBe(HOSTILE);
    const listing = json<{ tools: Array<{ name: string; description: string }> }>(await cli(['tools', '--json', ...EDGE_SERVER]));
    expect(listing.tools.find((t) => t.name === 'hostile')!.description).toBe(`description ${HOSTILE}`);
  });
});
