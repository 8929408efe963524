import { describe, expect, it } from 'vitest';
import type { ConnectionTargetInput } from '../../../shared/model';
import type { Remote } from '../../../shared/model/remote';
import { authDebugHandlers } from '../../../main/core/service/auth-debug-handlers';
import { PlaygroundHost } from '../../../main/core/service/playground-remote';
import { startPlayground } from '../../../main/core/playground/start-playground';

/** A remotes port with two remotes: an HTTP one and a stdio one. */
function remotes() {
  const targets: Record<string, ConnectionTargetInput> = {
    http: { transport: 'streamable', url: 'https://mcp.example/mcp?api_key=k-123456789' },
    playground: { transport: 'auto', url: 'http://playground.localhost/mcp' },
    local: { transport: 'stdio', command: 'node', args: ['server.js'] },
  };
  return {
    get: async (id: string) => (targets[id] ? ({ id } as unknown as Remote) : undefined),
    resolveForConnection: async (id: string) => ({ target: targets[id]!, label: id }),
  };
}

const errorOf = async (promise: Promise<unknown>) => promise.then(() => undefined, (error: { info?: { kind: string; message: string } }) => error.info);

describe('the auth debugger handlers', () => {
  it('start prepares a run for a saved HTTP remote without sending anything; its URL credentials are masked', async () => {
    const handlers = authDebugHandlers({ remotes: remotes() });
    const started = await handlers['auth-debug:start']({ remoteId: 'http' });
    expect(started.nextStep).toBe('challenge');
    expect(started.run.steps).toEqual([]);
    expect(started.run.serverUrl).not.toContain('k-123456789');
    await handlers['auth-debug:close']({ runId: started.runId });
    expect(await errorOf(handlers['auth-debug:next']({ runId: started.runId }))).toMatchObject({ kind: 'not-found', message: 'This auth debugger run is over.' });
  });

  it('the built-in playground remote (or its URL) is debugged on the running playground, started first, as connecting does', async () => {
    const playground = new PlaygroundHost(() => startPlayground());
    try {
      const handlers = authDebugHandlers({ remotes: remotes(), playground });
      for (const input of [{ remoteId: 'playground' }, { url: 'http://playground.localhost/mcp' }]) {
        const started = await handlers['auth-debug:start'](input);
        expect(started.run.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
        // The first step reaches it (its placeholder host has no DNS entry).
        const step = await handlers['auth-debug:next']({ runId: started.runId });
        expect(JSON.stringify(step.run)).not.toContain('ENOTFOUND');
        const exchange = step.run.steps[0]!.exchanges[0]!;
        expect(exchange.url).toBe(started.run.serverUrl);
        expect(exchange.status).toBe(200);
        await handlers['auth-debug:close']({ runId: started.runId });
      }
    } finally {
      await playground.stop();
    }
  });

  it('refuses a stdio remote, an unknown remote, no URL and a URL that is not http(s), in words', async () => {
    const handlers = authDebugHandlers({ remotes: remotes() });
    expect(await errorOf(handlers['auth-debug:start']({ remoteId: 'local' }))).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('HTTP servers') });
    expect(await errorOf(handlers['auth-debug:start']({ remoteId: 'gone' }))).toMatchObject({ kind: 'not-found' });
    expect(await errorOf(handlers['auth-debug:start']({}))).toMatchObject({ kind: 'invalid-url', message: 'No server URL given.' });
    expect(await errorOf(handlers['auth-debug:start']({ url: 'ws://mcp.example/mcp' }))).toMatchObject({ kind: 'invalid-url' });
  });

  it('export without file dialogs says so', async () => {
    const handlers = authDebugHandlers({ remotes: remotes() });
    const { runId } = await handlers['auth-debug:start']({ url: 'https://mcp.example/mcp' });
    expect(await errorOf(handlers['auth-debug:export']({ runId }))).toBeDefined();
    await handlers['auth-debug:close']({ runId });
  });
});
