import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startBrokenListsServer } from '../../fixtures/sdk-servers/misbehaving/broken-lists-fixture';
import type { HandRolledServer } from '../../fixtures/sdk-servers/misbehaving/hand-rolled-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, valueOf } from './core-calls';

/**
 * A server whose lists hold items that break the MCP schema (a tool whose input schema is not an
 * object, one without a name, a resource without a URI, a template whose URI template is a
 * number, a prompt whose arguments are not a list), over two pages, in both protocol eras: the
 * client library refuses such a list whole; the app lists the valid items, names each invalid one
 * with its position and what is wrong, and the valid tools can still be called.
 */
const ERAS = ['legacy', 'modern'] as const;

let test: TestCore;
let server: HandRolledServer;
let notAList: HandRolledServer;
let playground: RunningPlayground;

beforeAll(async () => {
  test = await startTestCore();
  server = await startBrokenListsServer();
  notAList = await startBrokenListsServer({ toolsNotAList: true });
  playground = await startPlayground();
});
afterAll(async () => {
  await test?.close();
  await server?.close();
  await notAList?.close();
  await playground?.close();
});

type Listed<K extends string> = Record<K, Array<Record<string, unknown>>> & { invalid?: InvalidListItem[] };

describe.each(ERAS)('lists with items that break the MCP schema, %s era', (era) => {
  it('tools: the valid ones from every page, each invalid one named with its position and problem, and the valid ones callable', async () => {
    const { connectionId } = await openRemote(test, server.url, era);
    const listed = valueOf<Listed<'tools'>>(await test.call('connections:list-tools', { connectionId }));
    expect(listed.tools.map((t) => t.name)).toEqual(['echo', 'ok-second']);
    expect(listed.invalid).toEqual([
      { index: 1, name: 'string-schema', problems: ['inputSchema.type: expected "object"'] },
      { index: 2, problems: [expect.stringMatching(/^name: missing \(expected string\)$/)] },
    ]);
    const called = valueOf<{ result: { content: Array<{ text: string }> } }>(await test.call('connections:call-tool', { connectionId, name: 'ok-second', argumentsJson: '{}' }));
    expect(called.result.content[0]!.text).toBe('called ok-second');
  });

  it('resources, resource templates and prompts: the same', async () => {
    const { connectionId } = await openRemote(test, server.url, era);
    const resources = valueOf<Listed<'resources'>>(await test.call('connections:list-resources', { connectionId }));
    expect(resources.resources.map((r) => r.uri)).toEqual(['file:///ok-a.txt', 'file:///ok-b.txt']);
    expect(resources.invalid).toEqual([{ index: 1, name: 'no-uri', problems: [expect.stringMatching(/^uri: missing \(expected string\)$/)] }]);
    const templates = valueOf<Listed<'resourceTemplates'>>(await test.call('connections:list-resource-templates', { connectionId }));
    expect(templates.resourceTemplates.map((t) => t.name)).toEqual(['ok-template']);
    expect(templates.invalid).toEqual([{ index: 1, name: 'number-template', problems: [expect.stringMatching(/^uriTemplate: expected string/)] }]);
    const prompts = valueOf<Listed<'prompts'>>(await test.call('connections:list-prompts', { connectionId }));
    expect(prompts.prompts.map((p) => p.name)).toEqual(['ok-greet', 'ok-plan']);
    expect(prompts.invalid).toEqual([{ index: 1, name: 'arguments-not-a-list', problems: [expect.stringMatching(/^arguments: expected array/)] }]);
  });

  it('a server whose lists are all valid: no `invalid` at all', async () => {
    const { connectionId } = await openRemote(test, playground.urls.streamable, era);
    for (const channel of ['connections:list-tools', 'connections:list-resources', 'connections:list-resource-templates', 'connections:list-prompts'] as const) {
      expect(valueOf<Record<string, unknown>>(await test.call(channel, { connectionId }))).not.toHaveProperty('invalid');
    }
  });

  it('a page that is not a list at all still fails, as a protocol error', async () => {
    const { connectionId } = await openRemote(test, notAList.url, era);
    const answer = (await test.call('connections:list-tools', { connectionId })) as { ok: boolean; error?: { kind: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.kind).toBe('protocol');
    expect(answer.error?.message).toMatch(/tools/);
  });
});
