import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';
import { UNKNOWN_ID } from '../../fixtures/sdk-servers/misbehaving/scripted-answers';
import { useManager } from '../connections/connection-test-support';
import { scriptedTarget, sseFlag, TRANSPORT_ERAS } from './scripted-targets';

const { manager } = useManager();
let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const TIMEOUT_MS = 800;

function watch(entries: TraceEntry[]) {
  const incoming = () => entries.filter((e): e is MessageEntry => e.type === 'message' && e.direction === 'incoming' && e.messageKind !== 'request' && e.messageKind !== 'notification');
  const warnings = () => entries.filter((e): e is LifecycleEntry => e.type === 'lifecycle' && e.state === 'warning');
  return { incoming, warnings };
}

describe('an answer whose id matches no request', () => {
  for (const [transport, era] of TRANSPORT_ERAS) {
    it(`${transport}, ${era} era: flagged in the trace at once, and named in the request's error`, async () => {
      const connection = await manager.open(scriptedTarget(server, transport, era));
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      const { incoming, warnings } = watch(entries);
      const started = Date.now();
      let flaggedAfterMs: number | undefined;
      connection.bus.subscribe((e) => {
        if (e.type === 'lifecycle' && e.state === 'warning') flaggedAfterMs ??= Date.now() - started;
      });

      for (const error of [undefined, { code: -32000, message: 'Bad Request' }]) {
        const failure = await connection.callTool('misbehave', { ...sseFlag(transport), id: 'unknown', ...(error ? { error } : {}) }, { timeoutMs: TIMEOUT_MS }).then(() => undefined, (e: unknown) => e);
        if (!isPeriscopeError(failure)) throw new Error(`expected a PeriscopeError, got ${String(failure)}`);
        const what = error ? 'an error' : 'a result';
        expect(failure.info.kind, what).toBe('protocol');
        // On an event stream the request fails as the stream ends (nothing can answer it after that); as JSON, at its timeout.
        const ended = transport === 'streamable-sse' ? 'The server ended the event stream answering POST \\S+ without sending the response, and its events had no ids to resume it from' : `did not answer the request after ${TIMEOUT_MS} ms`;
        expect(failure.info.message, what).toMatch(new RegExp(`${ended}, although the server sent an answer matching no waiting request meanwhile: ${what} with id ${UNKNOWN_ID}`));
        expect(failure.info.message, what).toMatch(/\(id of the request waiting: \d+\)/);
        if (error) expect(failure.info.message).toContain('JSON-RPC error -32000: Bad Request');
        expect(failure.info.hint).toContain('wrong id');
        expect(failure.info.detail).toMatchObject({ orphans: [expect.objectContaining({ id: UNKNOWN_ID })], then: { kind: transport === 'streamable-sse' ? 'closed' : 'timeout' } });
      }
      expect(flaggedAfterMs, 'the orphan is flagged when it arrives, not at the timeout').toBeLessThan(TIMEOUT_MS / 2);

      const orphans = incoming().filter((e) => e.rpcId === UNKNOWN_ID);
      expect(orphans).toHaveLength(2);
      for (const entry of orphans) {
        expect(entry.requestSeq).toBeUndefined();
        expect(entry.warnings?.[0]).toMatch(new RegExp(`^Orphan (response|error): its id ${UNKNOWN_ID} matches no request sent on this connection \\(id of the request waiting: \\d+\\)$`));
      }
      const orphanWarnings = warnings().filter((w) => w.text.includes('matches no waiting request'));
      expect(orphanWarnings).toHaveLength(2);
      expect(orphanWarnings[0]!.text).toContain(`matches no waiting request (trace entry ${orphans[0]!.seq})`);
      // On an event stream, each request is also marked as one that can no longer be answered.
      expect(warnings().filter((w) => w.text.includes('can no longer be answered'))).toHaveLength(transport === 'streamable-sse' ? 2 : 0);
      // The connection goes on working.
      await expect(connection.callTool('misbehave', { ...sseFlag(transport) })).resolves.toBeDefined();
    });
  }
});

describe('an answer whose id has the wrong type ("1" for 1)', () => {
  for (const [transport, era] of TRANSPORT_ERAS) {
    it(`${transport}, ${era} era: paired with its request, with a warning naming both types`, async () => {
      const connection = await manager.open(scriptedTarget(server, transport, era));
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      await connection.callTool('misbehave', { ...sseFlag(transport), id: 'string' });
      const response = watch(entries).incoming().at(-1)!;
      expect(typeof response.rpcId).toBe('string');
      expect(response.requestSeq).toBeDefined();
      const request = entries.find((e) => e.seq === response.requestSeq) as MessageEntry;
      expect(response.warnings).toEqual([
        `The response's id is the string "${String(request.rpcId)}", but the request's id was the number ${String(request.rpcId)}: JSON-RPC ids must match exactly, type included (the SDK accepted it anyway)`,
      ]);
    });
  }
});

describe('an error without a usable id', () => {
  it('is paired with the only waiting request, and said so in the trace', async () => {
    for (const [transport, era] of TRANSPORT_ERAS) {
      const connection = await manager.open(scriptedTarget(server, transport, era));
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      for (const id of ['null', 'absent'] as const) {
        await connection.callTool('misbehave', { ...sseFlag(transport), id, error: { code: -32000, message: 'Parse error' } }).catch(() => undefined);
        // Streamable HTTP with a JSON body: the SDK refuses the body inside its POST, before any
        // message reaches the trace; the HTTP exchange holds it and the error names it instead.
        if (transport === 'streamable-json' && id === 'null') continue;
        const error = watch(entries).incoming().at(-1)!;
        expect(error.messageKind, `${transport} ${era} ${id}`).toBe('error');
        expect(error.requestSeq, `${transport} ${era} ${id}`).toBeDefined();
        expect(error.warnings?.join(' '), `${transport} ${era} ${id}`).toContain(`This error has ${id === 'null' ? 'id null' : 'no id'}: the server could not tell which request it answers`);
      }
      await manager.close(connection.id);
    }
  });

  it('with two requests waiting, is an orphan, and both requests time out naming it', async () => {
    const connection = await manager.open(scriptedTarget(server, 'websocket', 'legacy'));
    const silent = connection.callTool('misbehave', { silent: true }, { timeoutMs: TIMEOUT_MS }).then(() => undefined, (e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const nullId = connection.callTool('misbehave', { id: 'null', error: { code: -32000, message: 'Parse error' } }, { timeoutMs: TIMEOUT_MS }).then(() => undefined, (e: unknown) => e);
    for (const failure of await Promise.all([silent, nullId])) {
      if (!isPeriscopeError(failure)) throw new Error(`expected a PeriscopeError, got ${String(failure)}`);
      expect(failure.info.kind).toBe('protocol');
      expect(failure.info.message).toContain('an error with id null, JSON-RPC error -32000: Parse error');
      expect(failure.info.message).toMatch(/ids of the requests waiting: \d+, \d+/);
    }
  });
});
