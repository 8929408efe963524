import { describe, expect, it } from 'vitest';
import { envelopeOf, nameOf, resultFields, retryFields } from '../../../main/core/capture/envelope';
import { eraWarnings } from '../../../main/core/capture/era-warnings';
import { requestHeaderWarnings, responseHeaderWarnings } from '../../../main/core/capture/http-header-checks';
import { MultiRoundCalls } from '../../../main/core/capture/multi-round-calls';
import type { MessageEntry } from '../../../shared/model/trace';

const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/logLevel': 'info',
  traceparent: '00-abc-def-01',
  progressToken: 7,
};

describe('the 2026-07-28 envelope and result fields', () => {
  it('lifts the reserved _meta keys and trace context with short names, and nothing else', () => {
    expect(envelopeOf({ method: 'tools/call', params: { name: 'x', _meta: meta } })).toEqual({
      protocolVersion: '2026-07-28',
      clientInfo: { name: 'c', version: '1' },
      clientCapabilities: {},
      logLevel: 'info',
      traceparent: '00-abc-def-01',
    });
    expect(envelopeOf({ method: 'tools/list', params: { _meta: { progressToken: 1 } } })).toBeUndefined();
    expect(envelopeOf({ method: 'initialize', params: {} })).toBeUndefined();
    expect(envelopeOf({ method: 'x', params: 'odd' })).toBeUndefined();
  });

  it('reads resultType, cache hints and the request state of a result', () => {
    expect(resultFields({ id: 1, result: { resultType: 'input_required', requestState: 's1', inputRequests: {} } })).toEqual({ resultType: 'input_required', requestState: 's1' });
    expect(resultFields({ id: 1, result: { tools: [], ttlMs: 300000, cacheScope: 'public', resultType: 'complete' } })).toEqual({ resultType: 'complete', cache: { ttlMs: 300000, cacheScope: 'public' } });
    expect(resultFields({ id: 1, error: { code: 1 } })).toEqual({});
  });

  it('recognizes a retry round and the name Mcp-Name mirrors', () => {
    expect(retryFields({ params: { name: 'a', inputResponses: { q: {} }, requestState: 's' } })).toEqual({ requestState: 's', hasInputResponses: true });
    expect(retryFields({ params: { name: 'a' } })).toBeUndefined();
    expect(nameOf({ params: { uri: 'file:///x' } })).toBe('file:///x');
  });
});

describe('multi-round calls', () => {
  it('matches a retry by its echoed requestState, else by method and name, and counts rounds', () => {
    const calls = new MultiRoundCalls();
    calls.awaitRetry({ rootSeq: 3, round: 1 }, 'tools/call', 'a', 'state-a');
    calls.awaitRetry({ rootSeq: 9, round: 1 }, 'tools/call', 'b', undefined);
    expect(calls.roundOf({ params: { name: 'b', inputResponses: {} } }, 'tools/call')).toEqual({ rootSeq: 9, round: 2 });
    expect(calls.roundOf({ params: { name: 'zzz', requestState: 'state-a', inputResponses: {} } }, 'tools/call')).toEqual({ rootSeq: 3, round: 2 });
    // Each waiting call is taken once; a fresh request is no round of anything.
    expect(calls.roundOf({ params: { name: 'a', requestState: 'state-a' } }, 'tools/call')).toBeUndefined();
    expect(calls.roundOf({ params: { name: 'a' } }, 'tools/call')).toBeUndefined();
  });

  it('forgets the oldest waiting calls past its bound', () => {
    const calls = new MultiRoundCalls();
    for (let i = 0; i < 100; i++) calls.awaitRetry({ rootSeq: i, round: 1 }, 'tools/call', `t${i}`, `s${i}`);
    expect(calls.roundOf({ params: { requestState: 's0' } }, 'tools/call')).toBeUndefined();
    expect(calls.roundOf({ params: { requestState: 's99' } }, 'tools/call')).toEqual({ rootSeq: 99, round: 2 });
  });
});

describe('standard header checks (SEP-2243)', () => {
  const body = (method: string, params: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: meta } });
  it('is silent when the headers agree with the body, including base64 sentinel values', () => {
    const headers = new Headers({ 'mcp-method': 'tools/call', 'mcp-name': 'echo', 'mcp-protocol-version': '2026-07-28', 'mcp-param-region': '=?base64?IGV1IA==?=' });
    expect(requestHeaderWarnings(headers, body('tools/call', { name: 'echo', arguments: { region: ' eu ' } }))).toEqual([]);
  });

  it('names every header that disagrees with the body', () => {
    const headers = new Headers({ 'mcp-method': 'tools/list', 'mcp-name': 'other', 'mcp-protocol-version': '2025-11-25', 'mcp-param-region': 'us', 'mcp-param-bad': '=?base64?@@@?=' });
    const warnings = requestHeaderWarnings(headers, body('tools/call', { name: 'echo', arguments: { region: 'eu' } }));
    expect(warnings).toEqual([
      'Mcp-Method says "tools/list" but the body\'s method is "tools/call"',
      'Mcp-Name says "other" but the body names "echo"',
      'MCP-Protocol-Version says 2025-11-25 but the request\'s _meta claims 2026-07-28',
      'mcp-param-bad is not a valid =?base64?…?= value',
      'mcp-param-region carries "us", which matches no value of the call\'s arguments',
    ]);
  });

  it('says the same from the message object as from its text (the recording fetch hands over the sent object)', () => {
    const headers = new Headers({ 'mcp-method': 'tools/list', 'mcp-name': 'other', 'mcp-protocol-version': '2025-11-25', 'mcp-param-region': 'us' });
    const text = body('tools/call', { name: 'echo', arguments: { region: 'eu' } });
    const fromObject = requestHeaderWarnings(headers, { message: JSON.parse(text) });
    expect(fromObject).toHaveLength(4);
    expect(fromObject).toEqual(requestHeaderWarnings(headers, text));
    // Not a JSON-RPC request object: nothing to compare with.
    expect(requestHeaderWarnings(headers, { message: [JSON.parse(text)] })).toEqual([]);
  });

  it('does not parse 2025-era bodies at all (no standard headers)', () => {
    expect(requestHeaderWarnings(new Headers({ 'content-type': 'application/json' }), '{not json')).toEqual([]);
  });

  it('flags a session id handed out on a modern request only', () => {
    expect(responseHeaderWarnings('2026-07-28', new Headers({ 'mcp-session-id': 's' }))[0]).toContain('sessions do not exist in the 2026-07-28 protocol');
    expect(responseHeaderWarnings('2025-11-25', new Headers({ 'mcp-session-id': 's' }))).toEqual([]);
    expect(responseHeaderWarnings(undefined, new Headers({ 'mcp-session-id': 's' }))).toEqual([]);
  });
});

describe('era warnings on answers', () => {
  const response = (method: string, result: Record<string, unknown>): Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'> => ({
    type: 'message', direction: 'incoming', messageKind: 'response', method, requestSeq: 1, size: 1, message: { result }, monoTime: 0,
  });
  it('flags a server/discover answered like initialize, or without resultType', () => {
    const initializeShaped = { protocolVersion: '2025-11-25', serverInfo: { name: 's', version: '1' }, capabilities: {} };
    expect(eraWarnings(undefined, 'incoming', response('server/discover', initializeShaped), { result: initializeShaped })[0]).toContain('initialize-shaped');
    const noResultType = { supportedVersions: ['2026-07-28'], capabilities: {} };
    expect(eraWarnings(undefined, 'incoming', response('server/discover', noResultType), { result: noResultType })[0]).toContain('has no resultType');
  });

  it('flags a result without resultType on a modern connection only', () => {
    const plain = { tools: [] };
    expect(eraWarnings('modern', 'incoming', response('tools/list', plain), { result: plain })[0]).toContain('answers like a 2025-era server');
    expect(eraWarnings('legacy', 'incoming', response('tools/list', plain), { result: plain })).toEqual([]);
  });
});
