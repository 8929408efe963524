import { describe, expect, it } from 'vitest';
import { checkRemoteDraft } from '../../../shared/model/remote';
import { createRequire } from 'node:module';
import { FETCH_BLOCKED_PORTS, unreachablePort } from '../../../shared/model/endpoint-port';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { parseEndpointUrl } from '../../../main/core/diagnostics/url';

/** Port 0 and ports above 65535, however written; each refused the same way by every URL check. */
const UNREACHABLE = [
  ['http://127.0.0.1:0/mcp', '0'],
  ['http://127.0.0.1:00/mcp', '00'],
  ['https://example.com:0', '0'],
  ['ws://[::1]:0/ws', '0'],
  ['http://user:pw@example.com:0/mcp?x=1', '0'],
  ['http://127.0.0.1:65536/mcp', '65536'],
  ['http://example.com:99999#top', '99999'],
] as const;
/** Usable ports, and digits that only look like a port (an IPv6 address, a password). */
const USABLE = ['http://127.0.0.1:1/mcp', 'https://example.com:65535/mcp', 'http://example.com/mcp', 'http://[::0]/mcp', 'http://[2001:db8::10]:8080/x', 'http://user:0@example.com/mcp'];

describe('an endpoint URL\'s port', () => {
  it('is unreachable at 0 and above 65535, as typed; usable otherwise', () => {
    for (const [url, port] of UNREACHABLE) expect(unreachablePort(url), url).toBe(port);
    for (const url of USABLE) expect(unreachablePort(url), url).toBeUndefined();
  });

  it('out of range: a connection refuses it before connecting (invalid-url), for every transport', () => {
    // A URL with user:password@ is refused for that first, without repeating the password.
    for (const [url, port] of UNREACHABLE.filter(([u]) => !u.includes('@'))) {
      const transport = url.startsWith('ws') ? 'websocket' : 'streamable';
      for (const choice of ['auto', transport] as const) {
        let error: unknown;
        try {
          parseEndpointUrl(url, choice);
        } catch (e) {
          error = e;
        }
        expect(isPeriscopeError(error) && error.info, `${url} ${choice}`).toMatchObject({ kind: 'invalid-url', message: `The port ${port} in "${url}" is out of range`, hint: 'ports go from 1 to 65535' });
      }
    }
  });

  it('out of range: a saved remote\'s URL and a group instance are refused in the same words', () => {
    // A URL with user:password@ is refused for that first (url-credentials.test.ts).
    for (const [url, port] of UNREACHABLE.filter(([u]) => !u.includes('@'))) {
      const transport = url.startsWith('ws') ? 'websocket' : 'streamable';
      const own = checkRemoteDraft({ name: 'r', transport, url, headers: [] });
      expect(own.ok ? [] : own.issues.map((i) => `${i.path.join('.')}: ${i.message}`), url).toEqual([`url: The port ${port} in "${url}" is out of range: ports go from 1 to 65535`]);
      const other = transport === 'websocket' ? 'ws://127.0.0.1:3000/ws' : 'http://127.0.0.1:3000/mcp';
      const group = checkRemoteDraft({ name: 'g', transport, url: other, instances: [url], headers: [] });
      expect(group.ok ? [] : group.issues.map((i) => `${i.path.join('.')}: ${i.message}`), url).toEqual([`instances.0: Instance 1: The port ${port} in "${url}" is out of range: ports go from 1 to 65535`]);
    }
  });

  it('usable ports pass every check', () => {
    // A URL with user:password@ is refused for that, whatever its port (url-credentials.test.ts);
    // port 1 is in range but blocked for HTTP (below).
    for (const url of USABLE.filter((u) => !u.includes('@') && !u.includes(':1/'))) {
      expect(parseEndpointUrl(url, 'auto').href).toBeTruthy();
      expect(checkRemoteDraft({ name: 'r', transport: 'streamable', url, headers: [] }).ok, url).toBe(true);
    }
  });
});

/** The Fetch standard's blocked ports: HTTP clients refuse them, so a saved remote's URL may not use one. */
describe('an endpoint URL on a port HTTP clients refuse', () => {
  const issues = (draft: Parameters<typeof checkRemoteDraft>[0]) => {
    const checked = checkRemoteDraft(draft);
    return checked.ok ? [] : checked.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const words = (port: number) => `Port ${port} is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it: run the server on another port (for example 3000 or 8080)`;

  it('is the same list undici, the HTTP client of fetch, refuses', () => {
    const undici = createRequire(import.meta.url)('undici/lib/web/fetch/constants.js') as { badPorts: string[] };
    expect([...FETCH_BLOCKED_PORTS].sort((a, b) => a - b)).toEqual(undici.badPorts.map(Number).sort((a, b) => a - b));
  });

  it('is refused by Node\'s fetch before connecting, every port of the list', async () => {
    for (const port of FETCH_BLOCKED_PORTS) {
      const cause = await fetch(`http://127.0.0.1:${port}/mcp`).then(
        () => undefined,
        (error: Error) => (error.cause as Error | undefined)?.message,
      );
      expect(cause, String(port)).toBe('bad port');
    }
  });

  it('refuses it for the HTTP transports, in a saved remote and a group\'s instance, and names the port', () => {
    for (const [url, port] of [['http://127.0.0.1:9/mcp', 9], ['https://mcp.example.com:6000/v1', 6000], ['http://[::1]:10080/mcp', 10080]] as const) {
      for (const transport of ['streamable', 'sse', 'auto']) expect(issues({ name: 'r', transport, url, headers: [] }), `${url} ${transport}`).toEqual([`url: ${words(port)}`]);
      expect(issues({ name: 'g', transport: 'streamable', url: 'http://127.0.0.1:3000/mcp', instances: [url], headers: [] })).toEqual([`instances.0: Instance 1: ${words(port)}`]);
    }
  });

  it('lets WebSocket use those ports (its client blocks none), and leaves other ports and the default ports alone', () => {
    for (const transport of ['websocket', 'auto']) expect(issues({ name: 'w', transport, url: 'ws://127.0.0.1:6000/ws', headers: [] })).toEqual([]);
    for (const url of ['http://127.0.0.1:8/mcp', 'http://127.0.0.1:6001/mcp', 'http://mcp.example.com/mcp', 'https://mcp.example.com:443/mcp']) expect(issues({ name: 'r', transport: 'streamable', url, headers: [] }), url).toEqual([]);
  });
});
