import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { InstanceCheck, SendToAllResult } from '../../../shared/model/instance-group';
import type { MetricsSnapshot } from '../../../shared/model/metrics';
import { startVersionedInstance, type VersionedInstance } from '../../fixtures/instances/versioned-instance';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { until, valueOf } from '../workbench/core-calls';
import { MemoryVault } from '../../unit/remotes/memory-vault';
import { refusedPort } from '../../support/refused-port';

/**
 * A group's Instances section and its load runs through the real core and the contract's
 * validation (group:check, group:send-to-all, load:start with `instances`), against three
 * instances of one server on the v2 SDK (the third stale and not ready), the secret header read
 * from the keychain for every instance.
 */
let test: TestCore;
let instances: VersionedInstance[];
let groupId: string;
let connectionId: string;
const TOKEN = 'core-group-s3cret';

beforeAll(async () => {
  test = await startTestCore({ vault: new MemoryVault() });
  instances = await Promise.all([
    startVersionedInstance('mcp-server-1', '1.4.2', { bearer: TOKEN }),
    startVersionedInstance('mcp-server-2', '1.4.2', { bearer: TOKEN }),
    startVersionedInstance('mcp-server-3', '1.3.9', { bearer: TOKEN, ready: false }),
  ]);
  const { remote } = await test.core.remotes.create({
    name: 'balanced',
    transport: 'streamable',
    url: instances[0]!.url,
    instances: [instances[1]!.url, instances[2]!.url],
    headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}`, is_secret: true, is_required: true }],
  });
  groupId = remote.id;
  const opened = valueOf<{ connectionId: string; state: string }>(await test.call('connections:open', { remoteId: groupId }));
  expect(opened.state).toBe('connected');
  connectionId = opened.connectionId;
});
afterAll(async () => {
  await test?.close();
  await Promise.all((instances ?? []).map((instance) => instance.close()));
});

type Ended = Extract<MainEvent, { type: 'load-ended' }>;
const endOf = (runId: string) => test.events.find((e): e is Ended => e.type === 'load-ended' && e.runId === runId);

describe('a group through the core', () => {
  it('checks every instance: health, readiness and one round trip each, the stale one not ready', async () => {
    const { instances: checks } = valueOf<{ instances: InstanceCheck[] }>(await test.call('group:check', { remoteId: groupId }));
    expect(checks.map((c) => c.instance)).toEqual(instances.map((i) => i.url));
    for (const check of checks) {
      expect(check.health.health).toMatchObject({ status: 200, bodyStatus: 'healthy', ok: true });
      // The secret header went to every instance: each one connected and answered.
      expect(check.latencyError).toBeUndefined();
      expect(check.latencyMs).toBeGreaterThan(0);
      expect(check.method).toBe('server/discover');
    }
    expect(checks[2]!.health.ready).toMatchObject({ status: 503, bodyStatus: 'not ready', ok: false, error: { kind: 'http-status' } });
    expect(checks.map((c) => c.health.ok)).toEqual([true, true, false]);
    // None of this went through the tab's connection, nor opened a tab.
    expect(valueOf<unknown[]>(await test.call('connections:list', undefined))).toHaveLength(1);
  });

  it('sends the same call to all and marks the stale instance, the paths where it differs listed', async () => {
    const sent = valueOf<SendToAllResult>(await test.call('group:send-to-all', { remoteId: groupId, name: 'get_version', ignore: ['_meta'] }));
    expect(sent.comparison.agree).toBe(false);
    expect(sent.outcomes.map((o) => o.answer)).toEqual(['A', 'A', 'B']);
    expect(sent.comparison.differing).toEqual([
      {
        instance: instances[2]!.url,
        label: 'B',
        differences: [
          { path: 'content[0].text', expected: '"version 1.4.2"', actual: '"version 1.3.9"' },
          { path: 'structuredContent.version', expected: '"1.4.2"', actual: '"1.3.9"' },
        ],
      },
    ]);
    const alike = valueOf<SendToAllResult>(await test.call('group:send-to-all', { remoteId: groupId, name: 'echo', argumentsJson: '{"message":"hi"}', ignore: ['_meta'] }));
    expect(alike.comparison.agree).toBe(true);
  });

  it('refuses arguments that are not an object, and a remote that is not a group', async () => {
    const bad = (await test.call('group:send-to-all', { remoteId: groupId, name: 'echo', argumentsJson: '[1]' })) as { ok: boolean; error?: { kind: string } };
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const { remote } = await test.core.remotes.create({ name: 'single', transport: 'streamable', url: instances[0]!.url, headers: [] });
    const single = (await test.call('group:check', { remoteId: remote.id })) as { ok: boolean; error?: { kind: string; message: string } };
    expect(single).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'This remote is one server, not a group.' } });
  });

  it('spreads a load run round-robin over the instances, with per-instance figures, off the tab\'s connection', async () => {
    const before = valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId })).total.count;
    const { runId } = valueOf<{ runId: string }>(
      await test.call('load:start', { connectionId, request: { kind: 'tool', name: 'echo', argumentsJson: '{"message":"hi"}' }, plan: { count: 30, concurrency: 3 }, instances: 'round-robin', remoteId: groupId }),
    );
    await until(() => endOf(runId) !== undefined, 'the end of the group run', 20_000);
    const end = endOf(runId)!;
    expect(end.error).toBeUndefined();
    expect(end.result).toMatchObject({ count: 30, ok: 30, spread: 'round-robin' });
    expect(end.result!.instances!.map((f) => [f.instance, f.count, f.ok])).toEqual(instances.map((i) => [i.url, 10, 10]));
    expect(end.samples.latencyMs).toHaveLength(30);
    expect(valueOf<MetricsSnapshot>(await test.call('connections:metrics', { connectionId })).total.count).toBe(before);
  });

  it('runs the plan on each instance in turn', async () => {
    const { runId } = valueOf<{ runId: string }>(
      await test.call('load:start', { connectionId, request: { kind: 'tool', name: 'echo', argumentsJson: '{"message":"hi"}' }, plan: { count: 4, concurrency: 2 }, instances: 'each', remoteId: groupId }),
    );
    await until(() => endOf(runId) !== undefined, 'the end of the each run', 20_000);
    expect(endOf(runId)!.result).toMatchObject({ count: 12, ok: 12, spread: 'each', instances: [{ count: 4 }, { count: 4 }, { count: 4 }] });
  });

  it('a run over a group with an instance down sends nothing and names that instance of the group', async () => {
    const down = `http://127.0.0.1:${await refusedPort()}/mcp`;
    const { remote } = await test.core.remotes.create({
      name: 'one-down',
      transport: 'streamable',
      url: instances[0]!.url,
      instances: [down, instances[1]!.url],
      headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}`, is_secret: true, is_required: true }],
    });
    const opened = valueOf<{ connectionId: string }>(await test.call('connections:open', { remoteId: remote.id }));
    for (const spread of ['round-robin', 'each'] as const) {
      const { runId } = valueOf<{ runId: string }>(
        await test.call('load:start', { connectionId: opened.connectionId, request: { kind: 'tool', name: 'echo', argumentsJson: '{"message":"hi"}' }, plan: { count: 4, concurrency: 2 }, instances: spread, remoteId: remote.id }),
      );
      await until(() => endOf(runId) !== undefined, 'the end of the run', 20_000);
      expect(endOf(runId)!.error).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^one-down \(instance 2 of 3\) at http:\/\/127\.0\.0\.1:\d+\/mcp could not be reached: Connection refused/) });
    }
  });
});
