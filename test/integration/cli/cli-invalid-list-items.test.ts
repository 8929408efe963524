import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokenListsServer } from '../../fixtures/sdk-servers/misbehaving/broken-lists-fixture';
import type { HandRolledServer } from '../../fixtures/sdk-servers/misbehaving/hand-rolled-server';
import { cli, json, removeTestDataDir } from './cli-harness';

/**
 * The CLI on a server whose lists hold items that break the MCP schema (see
 * broken-lists-fixture.ts), in both protocol eras: the valid items are printed, each invalid one
 * is a warning on stderr naming it and what is wrong, the exit code is 0, `--json` names them,
 * a valid tool can be called, and calling an invalid one says why it cannot be.
 */
const ERAS = ['legacy', 'modern'] as const;

let server: HandRolledServer;
beforeAll(async () => {
  server = await startBrokenListsServer();
});
afterAll(async () => {
  await server?.close();
  removeTestDataDir();
});

describe.each(ERAS)('lists with invalid items, %s era', (era) => {
  const args = (...rest: string[]) => [...rest.slice(0, 1), server.url, ...rest.slice(1), '--protocol-era', era];

  it('tools: prints the valid ones, warns about each invalid one, exits 0', async () => {
    const run = await cli(args('tools'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^echo\b/m);
    expect(run.stdout).toMatch(/^ok-second\b/m);
    expect(run.stdout).not.toContain('string-schema');
    expect(run.stderr).toContain('warning: tool #2 "string-schema" breaks the MCP schema and is left out: inputSchema.type: expected "object"');
    expect(run.stderr).toContain('warning: tool #3 breaks the MCP schema and is left out: name: missing (expected string)');
  });

  it('--json names the invalid items of every list', async () => {
    const tools = json<{ tools: Array<{ name: string }>; invalidTools: Array<{ index: number; name?: string }> }>(await cli(args('tools', '--json')));
    expect(tools.tools.map((t) => t.name)).toEqual(['echo', 'ok-second']);
    expect(tools.invalidTools.map((t) => t.index)).toEqual([1, 2]);
    const resources = json<{ invalidResources: Array<{ name: string }>; invalidResourceTemplates: Array<{ name: string }> }>(await cli(args('resources', '--json')));
    expect(resources.invalidResources.map((r) => r.name)).toEqual(['no-uri']);
    expect(resources.invalidResourceTemplates.map((t) => t.name)).toEqual(['number-template']);
    const prompts = json<{ prompts: Array<{ name: string }>; invalidPrompts: Array<{ name: string; problems: string[] }> }>(await cli(args('prompts', '--json')));
    expect(prompts.prompts.map((p) => p.name)).toEqual(['ok-greet', 'ok-plan']);
    expect(prompts.invalidPrompts).toEqual([{ index: 1, name: 'arguments-not-a-list', problems: [expect.stringMatching(/^arguments: expected array/)] }]);
  });

  it('call: a valid tool runs; an invalid one is refused as a protocol error naming the problem', async () => {
    const ok = await cli(args('call', 'ok-second'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('called ok-second');
    const refused = await cli(args('call', 'string-schema'));
    expect(refused.code).toBe(33);
    expect(refused.stderr).toContain('error: The server\'s definition of the tool "string-schema" breaks the MCP schema: inputSchema.type: expected "object".');
    expect(refused.stderr).toContain('its other tools can be called');
  });

  it('exercise: calls the valid tools and says how many were left out', async () => {
    const run = await cli(args('exercise'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tools: 2 listed; 2 left out: they break the MCP schema (see the warnings)');
    expect(run.stdout).toMatch(/ok\s+tools\/call ok-second/);
    expect(run.stdout).toContain('Prompts: 2 listed; 1 left out: it breaks the MCP schema (see the warnings)');
    expect(run.stderr).toContain('warning: resource #2 "no-uri" breaks the MCP schema and is left out');
    expect(run.stderr).toContain('warning: resource template #2 "number-template" breaks the MCP schema and is left out: uriTemplate: expected string, received number');
    expect(run.stdout).toContain('Resources: 2 listed, 1 template (not read: they need URI values); 2 left out: they break the MCP schema (see the warnings)');
    expect(run.stdout).toMatch(/ok\s+resources\/read file:\/\/\/ok-b.txt/);
  });
});

describe('hostile names and many invalid items', () => {
  const servers: HandRolledServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const serving = async (tools: unknown[]) => {
    const started = await startBrokenListsServer({ tools });
    servers.push(started);
    return started.url;
  };

  it('a name with a line break, an escape or a bidi override cannot write a line of its own', async () => {
    const url = await serving([{ name: 'y\nerror: fake error line\u001b[31m\u202e', inputSchema: { type: 'string' } }]);
    const run = await cli(['tools', url]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines.every((line) => line.startsWith('warning: '))).toBe(true);
    expect(run.stderr).toContain('warning: tool #1 "y\\nerror: fake error line\\u001b[31m\\u202e" breaks the MCP schema');
    expect(run.stderr.includes('\u001b') || run.stderr.includes('\u202e')).toBe(false);
  });

  it('hundreds of invalid tools: ten warnings and a count of the rest; names cut at 80 characters; --json keeps them all', async () => {
    const url = await serving([...Array.from({ length: 300 }, (_, i) => ({ name: `bad-${i}-${'x'.repeat(200)}`, inputSchema: { type: 'string' } })), { name: 'echo', inputSchema: { type: 'object' } }]);
    const run = await cli(['tools', url]);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(11);
    expect(warnings[10]).toBe('warning: …and 290 more tools that break the MCP schema (--json lists them all)');
    expect(warnings[0]).toContain(`"bad-0-${'x'.repeat(73)}…"`);
    expect(json<{ invalidTools: unknown[] }>(await cli(['tools', url, '--json'])).invalidTools).toHaveLength(300);
  });

  it('every tool invalid: says none is valid, not that the server has none', async () => {
    const url = await serving([{ name: 'a', inputSchema: { type: 'string' } }, null, 7]);
    const listed = await cli(['tools', url]);
    expect(listed.stdout.trim()).toBe('(no valid tools: see the warnings)');
    expect(listed.stderr).toContain('warning: tool #2 breaks the MCP schema and is left out: expected object, received null');
    const called = await cli(['call', url, 'zzz']);
    expect(called.code).toBe(12);
    expect(called.stderr).toContain('This server lists no valid tools. 3 more are left out: they break the MCP schema');
  });
});
