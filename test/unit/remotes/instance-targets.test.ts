import { describe, expect, it } from 'vitest';
import { instanceTargets } from '../../../main/core/remotes/instance-targets';
import type { ConnectionTargetInput } from '../../../shared/model/connection';

const target: ConnectionTargetInput = { transport: 'streamable', url: 'http://127.0.0.1:1/mcp', headers: [{ name: 'X-Team-Key', value: 'k', secret: true }] };

describe('instanceTargets', () => {
  it('a group: each URL with the settings, labelled "(instance i of n)" in order', () => {
    const urls = ['http://127.0.0.1:1/mcp', 'http://127.0.0.1:2/mcp', 'http://127.0.0.1:3/mcp'];
    const each = instanceTargets(target, 'prod', urls);
    expect(each.map((i) => [i.instance, i.target.url, i.label])).toEqual(urls.map((url, k) => [url, url, `prod (instance ${k + 1} of 3)`]));
    expect(each.every((i) => i.target.headers === target.headers)).toBe(true);
  });

  it('one URL or none (a stdio remote): the target as it is, named by its URL or its label', () => {
    expect(instanceTargets(target, 'one', [target.url!])).toEqual([{ instance: target.url, target, label: 'one' }]);
    const stdio: ConnectionTargetInput = { transport: 'stdio', command: 'node' };
    expect(instanceTargets(stdio, 'local tool', [])).toEqual([{ instance: 'local tool', target: stdio, label: 'local tool' }]);
  });
});
