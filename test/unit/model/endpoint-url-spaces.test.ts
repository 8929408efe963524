import { describe, expect, it } from 'vitest';
import { checkEndpointUrl } from '../../../shared/model/remote-rules';

/** A URL with a space in it: what to do depends on where the space is. */
describe('an endpoint URL with spaces', () => {
  it('in the path or query: encode them as %20', () => {
    expect(checkEndpointUrl('https://mcp.example.com/my server/mcp', 'streamable')).toBe('URL "https://mcp.example.com/my server/mcp" contains spaces; encode them as %20');
    expect(checkEndpointUrl('http://127.0.0.1:3000/mcp?team=a b', 'sse')).toMatch(/encode them as %20$/);
  });

  it('in the host name: remove it (no encoding makes a host name with a space)', () => {
    for (const url of ['http://exa mple.com/mcp', 'https://mcp .example.com', 'ws://local host:3000/ws']) {
      expect(checkEndpointUrl(url, 'auto'), url).toBe(`URL "${url}" has a space in its host name, which cannot have one: remove it`);
    }
  });

  it('without a scheme: not a URL at all', () => {
    expect(checkEndpointUrl('my server', 'streamable')).toBe('"my server" is not a URL; write it in full, e.g. https://api.example.com/v1/mcp');
  });
});
