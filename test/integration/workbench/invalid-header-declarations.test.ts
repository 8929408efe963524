import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { startBrokenListsServer } from '../../fixtures/sdk-servers/misbehaving/broken-lists-fixture';
import type { HandRolledServer } from '../../fixtures/sdk-servers/misbehaving/hand-rolled-server';
import { cli, json, removeTestDataDir } from '../cli/cli-harness';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, valueOf } from './core-calls';

/**
 * Tools whose `x-mcp-header` declarations break the 2026-07-28 rules (SEP-2243): the client
 * library must leave them out of `tools/list`, and says so only with a console warning. The app
 * and the CLI name each one like any other invalid tool (the name, the reason), the library's raw
 * warning never reaches the terminal, and a list read item by item (another tool breaks the MCP
 * schema) leaves them out too. In the 2025 era the declarations mean nothing and the tools stay.
 */
const GOOD = { name: 'good', inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } } };
const NUMBER_TYPED = { name: 'number-typed', inputSchema: { type: 'object', properties: { n: { type: 'number', 'x-mcp-header': 'N' } } } };
const HOSTILE = { name: 'evil\u001b[31m\nerror: fake', inputSchema: { type: 'object', properties: { e: { type: 'string', 'x-mcp-header': 'X\u001b[2J\u202eboom' } } } };
const SCHEMA_BROKEN = { name: 'string-schema', inputSchema: { type: 'string' } };

let test: TestCore;
let headers: HandRolledServer;
let mixed: HandRolledServer;
beforeAll(async () => {
  test = await startTestCore();
  headers = await startBrokenListsServer({ tools: [GOOD, NUMBER_TYPED, HOSTILE] });
  mixed = await startBrokenListsServer({ tools: [SCHEMA_BROKEN, GOOD, NUMBER_TYPED] });
});
afterAll(async () => {
  await test?.close();
  await headers?.close();
  await mixed?.close();
  removeTestDataDir();
});

type ToolList = { tools: Array<{ name: string }>; invalid?: InvalidListItem[] };

describe('tools left out for invalid x-mcp-header declarations (2026-07-28)', () => {
  it('the app lists the others and names each one with the reason', async () => {
    const { connectionId } = await openRemote(test, headers.url, 'modern');
    const listed = valueOf<ToolList>(await test.call('connections:list-tools', { connectionId }));
    expect(listed.tools.map((t) => t.name)).toEqual(['good']);
    expect(listed.invalid).toEqual([
      { name: 'number-typed', problems: ['invalid x-mcp-header declaration: n: x-mcp-header is only permitted on primitive-typed properties (string, integer, boolean); got number'] },
      { name: HOSTILE.name, problems: [expect.stringMatching(/^invalid x-mcp-header declaration: e: x-mcp-header '.*' is not a valid RFC 9110 token/s)] },
    ]);
  });

  it('a list read item by item leaves them out too, next to the tools that break the MCP schema', async () => {
    const { connectionId } = await openRemote(test, mixed.url, 'modern');
    const listed = valueOf<ToolList>(await test.call('connections:list-tools', { connectionId }));
    expect(listed.tools.map((t) => t.name)).toEqual(['good']);
    expect(listed.invalid).toEqual([
      { index: 0, name: 'string-schema', problems: ['inputSchema.type: expected "object"'] },
      { name: 'number-typed', problems: [expect.stringMatching(/^invalid x-mcp-header declaration: n: .*got number$/)] },
    ]);
  });

  it('in the 2025 era the declarations mean nothing: every tool is listed', async () => {
    const { connectionId } = await openRemote(test, headers.url, 'legacy');
    const listed = valueOf<ToolList>(await test.call('connections:list-tools', { connectionId }));
    expect(listed.tools.map((t) => t.name)).toEqual(['good', 'number-typed', HOSTILE.name]);
    expect(listed).not.toHaveProperty('invalid');
  });

  it('the CLI warns in its own words, escaped, never with the library’s raw warning; --json names them; calling one says why it cannot be', async () => {
    const run = await cli(['tools', headers.url, '--protocol-era', 'modern']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')[0]).toBe('good');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.every((line) => line.startsWith('warning: '))).toBe(true);
    expect(run.stderr).toContain('warning: tool "number-typed" breaks the MCP schema and is left out: invalid x-mcp-header declaration: n: x-mcp-header is only permitted');
    expect(run.stderr).toContain('warning: tool "evil\\u001b[31m\\nerror: fake" breaks the MCP schema');
    expect(run.stderr).toContain("x-mcp-header 'X\\u001b[2J\\u202eboom' is not a valid RFC 9110 token");
    expect(run.stderr.includes('\u001b') || run.stderr.includes('\u202e') || run.stderr.includes('[mcp-sdk]')).toBe(false);
    const listed = json<{ invalidTools: InvalidListItem[] }>(await cli(['tools', headers.url, '--protocol-era', 'modern', '--json']));
    expect(listed.invalidTools.map((t) => t.name)).toEqual(['number-typed', HOSTILE.name]);
    const called = await cli(['call', headers.url, 'number-typed', 'n=1', '--protocol-era', 'modern']);
    expect(called.code).toBe(33);
    expect(called.stderr).toContain('error: The server\'s definition of the tool "number-typed" breaks the MCP schema: invalid x-mcp-header declaration');
  });
});
