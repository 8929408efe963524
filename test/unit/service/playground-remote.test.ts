import { describe, expect, it } from 'vitest';
import { PLAYGROUND_REMOTE, pointAtPlayground, targetsPlayground } from '../../../main/core/service/playground-remote';
import { checkRemoteDraft } from '../../../shared/model';

const running = {
  baseUrl: 'http://127.0.0.1:41234',
  urls: { streamable: 'http://127.0.0.1:41234/mcp', sse: 'http://127.0.0.1:41234/sse', websocket: 'ws://127.0.0.1:41234/ws' },
};

describe('the built-in Playground remote', () => {
  it('is a valid remote that names the playground by its placeholder host', () => {
    expect(checkRemoteDraft(PLAYGROUND_REMOTE).ok).toBe(true);
    expect(targetsPlayground({ transport: 'streamable', url: PLAYGROUND_REMOTE.url })).toBe(true);
  });

  it('is pointed at the running playground on every transport, keeping path and query', () => {
    expect(pointAtPlayground({ transport: 'streamable', url: 'http://playground.localhost/mcp' }, running).url).toBe(running.urls.streamable);
    expect(pointAtPlayground({ transport: 'sse', url: 'http://playground.localhost/sse' }, running).url).toBe(running.urls.sse);
    expect(pointAtPlayground({ transport: 'websocket', url: 'ws://playground.localhost/ws' }, running).url).toBe(running.urls.websocket);
    expect(pointAtPlayground({ transport: 'websocket', url: 'wss://playground.localhost/ws?x=1' }, running).url).toBe('ws://127.0.0.1:41234/ws?x=1');
  });

  it('leaves every other remote alone', () => {
    for (const url of ['http://localhost:3000/mcp', 'https://playground.localhost.example.com/mcp', 'http://127.0.0.1/mcp', 'not a url', undefined]) {
      expect(targetsPlayground({ transport: 'streamable', url })).toBe(false);
    }
  });
});
