import { describe, expect, it } from 'vitest';
import { checkRemoteDraft } from '../../../shared/model/remote';
import { unreachablePort } from '../../../shared/model/endpoint-port';
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
    // A URL with user:password@ is refused for that, whatever its port (url-credentials.test.ts).
    for (const url of USABLE.filter((u) => !u.includes('@'))) {
      expect(parseEndpointUrl(url, 'auto').href).toBeTruthy();
      expect(checkRemoteDraft({ name: 'r', transport: 'streamable', url, headers: [] }).ok, url).toBe(true);
    }
  });
});
