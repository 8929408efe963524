import { describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import { SAMPLING_NOT_CONFIGURED } from '../../../main/core/connections/input/client-input';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { ofType, textOf, until, useManager } from './connection-test-support';

const { manager, cleanup } = useManager();

describe('stream resumption, server requests and dropped processes', () => {
  it('a dropped response stream is resumed with Last-Event-ID (custom headers included) and the call completes', async () => {
    const playground = await startPlayground({ faults: { dropStream: true } });
    cleanup(() => playground.close());
    // Resumption with Last-Event-ID is a 2025-era feature (sessions and their event streams).
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy', headers: [{ name: 'X-Trace-Me', value: 'yes' }] });
    const progress: number[] = [];
    const result = await connection.callTool('slow_operation', { steps: 4, stepMs: 20 }, { onProgress: (p) => progress.push(p.progress) });
    expect(textOf(result)).toBe('slow_operation completed 4 steps');
    expect(progress.slice(0, 2)).toEqual([1, 2]);
    const resumes = playground.seenRequests.filter((r) => r.method === 'GET' && r.headers['last-event-id']);
    expect(resumes.length).toBeGreaterThanOrEqual(1);
    expect(resumes[0]!.headers['x-trace-me']).toBe('yes');
    // The engine exposes the last event id it saw, which is the token to resume with.
    expect(connection.lastEventId).toBeDefined();
    // The resumption is visible in the trace: a GET carrying the Last-Event-ID header.
    const gets = ofType(connection.buffer.entries(), 'http').filter((e) => e.method === 'GET' && Object.keys(e.requestHeaders).some((h) => h.toLowerCase() === 'last-event-id'));
    expect(gets.length).toBeGreaterThanOrEqual(1);
  }, 15_000);

  it('by default, elicitation is declined and sampling answers that it is not configured (2025 era)', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    expect(textOf(await connection.callTool('ask_user', {}))).toBe('The user chose to decline the question.');
    const sampled = (await connection.callTool('ask_model', {})) as { isError?: boolean; content: Array<{ text: string }> };
    expect(sampled.isError).toBe(true);
    expect(sampled.content[0]!.text).toContain(SAMPLING_NOT_CONFIGURED);
    const answers = ofType(connection.buffer.entries(), 'client-input');
    expect(answers.map((a) => [a.method, a.era, a.answeredBy, a.outcome])).toEqual([
      ['elicitation/create', 'legacy', 'default', 'decline'],
      ['sampling/createMessage', 'legacy', 'default', 'error'],
    ]);
  });

  it('by default, elicitation is declined and a call that needs sampling stops with a clear error (2026-07-28 era)', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    expect(textOf(await connection.callTool('ask_user', {}))).toBe('The user chose to decline the question.');
    const error = await connection.callTool('ask_model', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'invalid-input', message: expect.stringContaining('sampling is not configured') } });
    const answers = ofType(connection.buffer.entries(), 'client-input');
    expect(answers.map((a) => [a.method, a.era, a.answeredBy, a.outcome])).toEqual([
      ['elicitation/create', 'modern', 'default', 'decline'],
      ['sampling/createMessage', 'modern', 'default', 'error'],
    ]);
    // The elicitation was one logical call in two rounds: input_required, then the retry.
    const rounds = ofType(connection.buffer.entries(), 'message').filter((m) => m.method === 'tools/call' && m.call);
    expect(rounds.map((m) => [m.direction, m.call!.round, m.resultType])).toEqual([
      ['incoming', 1, 'input_required'],
      ['outgoing', 2, undefined],
      ['incoming', 2, 'complete'],
      ['incoming', 1, 'input_required'],
    ]);
  });

  it('configured handlers answer elicitation and sampling', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const answering = new ConnectionManager({
      handlers: {
        elicit: async () => ({ action: 'accept', content: { name: 'Ada' } }),
        sample: async (params) => ({ role: 'assistant', model: 'test-model', content: { type: 'text', text: `echo of ${params.messages.length} message(s)` } }),
      },
    });
    cleanup(() => answering.closeAll());
    for (const protocolEra of ['legacy', 'modern'] as const) {
      const connection = await answering.open({ transport: 'websocket', url: playground.urls.websocket, protocolEra });
      expect(connection.info().era).toBe(protocolEra);
      expect(textOf(await connection.callTool('ask_user', {}))).toBe('The user answered: {"name":"Ada"}');
      expect(textOf(await connection.callTool('ask_model', {}))).toBe('Model test-model replied: echo of 1 message(s)');
    }
  });

  it('a stdio server that dies is reported with its last stderr line; the connection is then lost', async () => {
    const { command, args } = stdioFixtureCommand();
    const connection = await manager.open({ transport: 'stdio', command, args });
    await until(() => ofType(connection.buffer.entries(), 'stderr').length >= 2, 'the start-up stderr lines');
    const pid = Number(/pid (\d+)/.exec(ofType(connection.buffer.entries(), 'stderr')[0]!.line)![1]);
    process.kill(pid, 'SIGKILL');
    await until(() => connection.info().state === 'lost', 'the exit to be noticed');
    expect(connection.info().error).toMatchObject({ kind: 'spawn', message: expect.stringContaining('second line') });
    const error = await connection.listTools().catch((e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'spawn' } });
  });
});
