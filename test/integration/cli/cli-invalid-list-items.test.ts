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
    expect(run.stderr).toMatch(/warning: tool #3 breaks the MCP schema and is left out: name: expected string/);
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
  });
});
