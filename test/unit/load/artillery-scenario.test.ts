import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { artilleryScenario, capturedRequests, checkArtilleryPlan } from '../../../main/core/load/artillery-scenario';
import type { TraceEntry } from '../../../shared/model/trace';

let seq = 0;
function post(url: string, headers: Record<string, string>, body: object): TraceEntry {
  seq++;
  return { type: 'http', seq, connectionId: 'c', wallTime: 0, monoTime: seq, exchangeId: `c:http:${seq}`, phase: 'complete', method: 'POST', url, requestHeaders: headers, requestBody: JSON.stringify(body), status: 200, timings: { sent: seq } } as TraceEntry;
}
const call = (name: string, extra: object = {}) => ({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name, arguments: { q: 'x', ...extra } } });
type Request = { url: string; headers: Record<string, string>; json: { method: string; id?: unknown; params: { name?: string; arguments: Record<string, unknown> } }; capture?: unknown };
type Step = { post?: Request; delete?: Request; loop?: Step[]; count?: number };
type Script = { config: { target: string; phases: object[] }; scenarios: Array<{ flow: Step[] }> };
const scriptOf = (text: string) => parse(text, { version: '1.1' }) as Script;

describe('artilleryScenario', () => {
  it('maps N requests at concurrency C to C users looping ⌈N/C⌉ times, with a fresh id per request', () => {
    const captured = capturedRequests([post('http://h:1/mcp', { 'mcp-method': 'tools/call', 'mcp-protocol-version': '2026-07-28' }, call('search'))], 'tools/call');
    const { text, env } = artilleryScenario(captured, { count: 10, concurrency: 3 }, 'tools/call search');
    expect(env).toEqual({});
    const script = scriptOf(text);
    expect(script.config).toMatchObject({ target: 'http://h:1', phases: [{ duration: 1, arrivalCount: 3 }] });
    const loop = script.scenarios[0]!.flow[0]!;
    expect(loop.count).toBe(4);
    expect(loop.loop![0]!.post!.json).toMatchObject({ method: 'tools/call', id: '{{ $randomString(16) }}', params: { name: 'search' } });
    // Read as YAML 1.1 (as Artillery reads it), a date-like version stays a string.
    expect(loop.loop![0]!.post!.headers['mcp-protocol-version']).toBe('2026-07-28');
    expect(text).toContain('12 in all, the count rounded up to whole loops');
  });

  it('maps a fixed rate to arrivals, one request each, for the count or the duration', () => {
    const captured = capturedRequests([post('http://h/mcp', {}, call('a'))], 'tools/call');
    expect(scriptOf(artilleryScenario(captured, { count: 50, concurrency: 4, ratePerS: 20 }, 'x').text).config.phases).toEqual([{ name: 'fixed rate', duration: 3, arrivalCount: 50 }]);
    expect(scriptOf(artilleryScenario(captured, { durationMs: 10_000, concurrency: 4, ratePerS: 2.5 }, 'x').text).config.phases).toEqual([{ name: 'fixed rate', duration: 10, arrivalCount: 25 }]);
    expect(() => checkArtilleryPlan({ durationMs: 5000, concurrency: 2 })).toThrow(/no Artillery equivalent/);
  });

  it('reads every redacted value from the environment: headers, URL query, request body', () => {
    const captured = capturedRequests(
      [post('http://h/mcp?api_key=[redacted]&v=1', { authorization: 'Bearer [redacted]', 'x-api-key': '[redacted]', 'content-length': '99' }, call('a', { password: 'p-[redacted]' }))],
      'tools/call',
    );
    const { text, env } = artilleryScenario(captured, { count: 1, concurrency: 1 }, 'x');
    expect(Object.keys(env).sort()).toEqual(['PERISCOPE_ARGUMENT_SECRET', 'PERISCOPE_HEADER_AUTHORIZATION', 'PERISCOPE_HEADER_X_API_KEY', 'PERISCOPE_URL_SECRET']);
    expect(text).not.toContain('[redacted]');
    const request = scriptOf(text).scenarios[0]!.flow[0]!.post!;
    expect(request.url).toBe('/mcp?api_key={{ $env.PERISCOPE_URL_SECRET }}&v=1');
    expect(request.headers).toEqual({ authorization: 'Bearer {{ $env.PERISCOPE_HEADER_AUTHORIZATION }}', 'x-api-key': '{{ $env.PERISCOPE_HEADER_X_API_KEY }}' });
    expect(request.json.params.arguments.password).toBe('p-{{ $env.PERISCOPE_ARGUMENT_SECRET }}');
    // A variable that holds only part of a value says so: PERISCOPE_HEADER_AUTHORIZATION=Bearer … would send "Bearer Bearer …".
    expect(env.PERISCOPE_HEADER_AUTHORIZATION).toBe('the authorization header, the secret alone: the file sends "Bearer {{ $env.PERISCOPE_HEADER_AUTHORIZATION }}"');
    expect(env.PERISCOPE_HEADER_X_API_KEY).toBe('the x-api-key header');
    expect(text).toContain('#   PERISCOPE_HEADER_AUTHORIZATION: the authorization header, the secret alone: the file sends "Bearer {{ $env.PERISCOPE_HEADER_AUTHORIZATION }}"');
  });

  it('opens a 2025-era session per user from the captured handshake and ends it', () => {
    const headers = { 'mcp-protocol-version': '2025-11-25', 'mcp-session-id': 'old-session' };
    const captured = capturedRequests(
      [
        post('http://h/mcp', {}, { jsonrpc: '2.0', id: 0, method: 'initialize', params: {} }),
        post('http://h/mcp', headers, { jsonrpc: '2.0', method: 'notifications/initialized' }),
        post('http://h/mcp', headers, call('a')),
      ],
      'tools/call',
    );
    const flow = scriptOf(artilleryScenario(captured, { count: 2, concurrency: 2 }, 'x').text).scenarios[0]!.flow;
    expect(flow.map((step) => Object.keys(step)[0])).toEqual(['post', 'post', 'post', 'delete']);
    expect(flow[0]!.post!.capture).toEqual([{ header: 'mcp-session-id', as: 'mcpSessionId' }]);
    for (const step of flow.slice(1)) expect((step.post ?? step.delete)!.headers['mcp-session-id']).toBe('{{ mcpSessionId }}');
    expect(JSON.stringify(flow)).not.toContain('old-session');
  });

  it('reads one secret header sent with every request of a 2025-era session from one variable, not one per request', () => {
    const auth = { authorization: 'Bearer [redacted]', 'x-a': '[redacted]:[redacted]' };
    const session = { ...auth, 'mcp-session-id': 's' };
    const captured = capturedRequests(
      [
        post('http://h/mcp', auth, { jsonrpc: '2.0', id: 0, method: 'initialize', params: {} }),
        post('http://h/mcp', session, { jsonrpc: '2.0', method: 'notifications/initialized' }),
        post('http://h/mcp', session, call('a')),
      ],
      'tools/call',
    );
    const { text, env } = artilleryScenario(captured, { count: 2, concurrency: 1 }, 'x');
    expect(Object.keys(env).sort()).toEqual(['PERISCOPE_HEADER_AUTHORIZATION', 'PERISCOPE_HEADER_X_A', 'PERISCOPE_HEADER_X_A_2']);
    const posts = scriptOf(text).scenarios[0]!.flow.flatMap((step) => (step.post ? [step.post] : (step.loop ?? []).map((inner) => inner.post!)));
    expect(posts).toHaveLength(3);
    for (const request of posts) {
      expect(request.headers.authorization).toBe('Bearer {{ $env.PERISCOPE_HEADER_AUTHORIZATION }}');
      expect(request.headers['x-a']).toBe('{{ $env.PERISCOPE_HEADER_X_A }}:{{ $env.PERISCOPE_HEADER_X_A_2 }}');
    }
  });

  it('refuses a connection with no such request over Streamable HTTP, and credentials in the host part', () => {
    expect(() => capturedRequests([], 'tools/call')).toThrow(/No tools\/call request went out over Streamable HTTP/);
    const captured = capturedRequests([post('http://[redacted]@h/mcp', {}, call('a'))], 'tools/call');
    expect(() => artilleryScenario(captured, { count: 1, concurrency: 1 }, 'x')).toThrow(/credentials in its host part/);
  });
});
