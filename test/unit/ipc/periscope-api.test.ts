import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type MainEvent } from '../../../shared/ipc/contract';
import { createPeriscopeApi } from '../../../shared/ipc/periscope-api';

function recordingApi(answer: (channel: Channel, input: unknown) => unknown = () => ({ ok: true, value: 'v' })) {
  const calls: Array<{ channel: Channel; input: unknown }> = [];
  const listeners = new Set<(e: MainEvent) => void>();
  const api = createPeriscopeApi(
    async (channel, input) => {
      calls.push({ channel, input });
      return answer(channel, input);
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return { api, calls, listeners };
}

describe('createPeriscopeApi', () => {
  it('maps domain-shaped calls onto channels with inputs that pass the contract', async () => {
    const { api, calls } = recordingApi();
    const draft = { name: 'x', transport: 'streamable' as const, url: 'https://example.com/mcp', headers: [{ name: 'Authorization', value: 'Bearer s', is_secret: true }] };
    await api.remotes.list();
    await api.remotes.get('r1');
    await api.remotes.create(draft);
    await api.remotes.update('r1', draft);
    await api.remotes.duplicate('r1');
    await api.remotes.remove('r1');
    await api.remotes.confirmCommand('r1');
    await api.remotes.import();
    await api.remotes.export({ includeSecrets: false });
    await api.connections.open('r1');
    await api.connections.close('c1');
    await api.connections.list();
    await api.connections.reinitialize('c1');
    await api.connections.listTools('c1');
    await api.connections.callTool('c1', 'echo', { text: 'hi' });
    await api.connections.runTool('c1', { name: 'echo', argumentsJson: '{"text": "hi"}', callId: 'call-1', timeoutMs: 5000 });
    await api.connections.cancelCall('c1', 'call-1');
    await api.connections.listResources('c1');
    await api.connections.readResource('c1', 'demo://a');
    await api.connections.listResourceTemplates('c1');
    await api.connections.complete('c1', { ref: { type: 'ref/resource', uri: 'demo://{id}' }, argument: { name: 'id', value: '1' }, context: { other: 'x' } });
    await api.connections.subscribeResource('c1', 'demo://a');
    await api.connections.unsubscribeResource('c1', 'demo://a');
    await api.connections.saveResourceContents('c1', { uri: 'demo://logo.png', mimeType: 'image/png', blob: 'AAEC/w==' });
    await api.connections.metrics('c1');
    await api.connections.latencySamples('c1', 42);
    await api.connections.listPrompts('c1');
    await api.connections.getPrompt('c1', 'greet', { who: 'you' });
    await api.connections.ping('c1');
    await api.trace.snapshot('c1');
    await api.trace.exportHar('c1');
    await api.load.start('c1', { kind: 'tool', name: 'echo', argumentsJson: '{}' }, { count: 10, concurrency: 2 });
    await api.load.start('c1', { kind: 'tool', name: 'echo', argumentsJson: '{}' }, { count: 10, concurrency: 2 }, { remoteId: 'g1', instances: 'each' });
    await api.oauth.status('r1');
    await api.oauth.signOut('r1');
    await api.group.check('g1');
    await api.group.sendToAll('g1', 'get_version', '{}', ['_meta']);
    await api.doctor.run('r1');
    await api.doctor.export('r1');
    await api.load.cancel('run-1');
    await api.load.exportArtillery('c1', { kind: 'tool', name: 'echo', argumentsJson: '{}' }, { count: 10, concurrency: 2 });
    await api.logs.snapshot('c1');
    await api.logs.setLevel('c1', 'warning');
    await api.serverRequests.list('c1');
    await api.serverRequests.answer('c1', 'q1', { action: 'accept', content: { name: 'Ada', sizes: ['s'] } });
    await api.serverRequests.configure('r1', { policy: 'decline', roots: [{ uri: 'file:///p', name: 'P' }] });
    await api.session.save('c1');
    await api.session.open();
    await api.session.exportHar('/home/u/ticket.ndjson');
    await api.bundle.save('c1');
    await api.bundle.open();
    await api.playground.ensureStarted();
    await api.settings.get();
    await api.settings.update({ sessionFileCapMB: 100 });
    await api.app.openExternal('https://modelcontextprotocol.io');
    await api.authDebug.start({ url: 'https://mcp.example/mcp', scope: 'mcp:tools' });
    await api.authDebug.next('run-1');
    await api.authDebug.exportRun('run-1');
    await api.authDebug.close('run-1');

    // Every channel of the contract is reachable through the API, and nothing else is.
    expect(new Set(calls.map((c) => c.channel))).toEqual(new Set(CHANNELS));
    for (const { channel, input } of calls) {
      const parsed = contract[channel].input.safeParse(input);
      expect(parsed.success, `${channel} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(calls.find((c) => c.channel === 'connections:call-tool')?.input).toEqual({ connectionId: 'c1', name: 'echo', arguments: { text: 'hi' }, timeoutMs: undefined });
  });

  it('passes error envelopes through as data', async () => {
    const error = { kind: 'refused', message: 'Connection refused', hint: 'Is the server running?' };
    const { api } = recordingApi(() => ({ ok: false, error }));
    await expect(api.connections.open('r1')).resolves.toEqual({ ok: false, error });
  });

  it('turns a transport failure or a malformed answer into an internal ErrorInfo instead of a rejection', async () => {
    const broken = recordingApi(() => {
      throw new Error('window closed');
    });
    const result = await broken.api.remotes.list();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/remotes:list did not reach the main process: window closed/);

    const odd = recordingApi(() => 42);
    const oddResult = await odd.api.connections.list();
    expect(oddResult).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('subscribes and unsubscribes event listeners', () => {
    const { api, listeners } = recordingApi();
    const seen: MainEvent[] = [];
    const stop = api.onEvent((e) => seen.push(e));
    for (const l of listeners) l({ type: 'remotes-changed' });
    stop();
    expect(listeners.size).toBe(0);
    expect(seen).toEqual([{ type: 'remotes-changed' }]);
  });
});
