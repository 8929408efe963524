import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import type { McpConnection } from '../../../main/core/connections/mcp-connection';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';
import { REFUSE_HANDSHAKE, type Misbehaviour } from '../../fixtures/sdk-servers/misbehaving/scripted-answers';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import { useManager } from '../connections/connection-test-support';
import { scriptedTarget, sseFlag, TRANSPORT_ERAS } from './scripted-targets';

const { manager } = useManager();
let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

async function failureOf(connection: McpConnection, behaviour: Misbehaviour, timeoutMs = 3_000): Promise<{ info: ErrorInfo; ms: number }> {
  const started = Date.now();
  const error = await connection.callTool('misbehave', behaviour as Record<string, unknown>, { timeoutMs }).then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return { info: error.info, ms: Date.now() - started };
}

const CODES: Array<[number, string]> = [
  [-32000, 'Bad Request: Server not initialized'],
  [-32001, 'Request timed out upstream'],
  [-32099, 'Backend unavailable'],
  [-32603, 'Internal error'],
  [4242, 'Custom application error'],
];

describe('a JSON-RPC error answer is a protocol error with the server code and message, on every transport and era', () => {
  for (const [transport, era] of TRANSPORT_ERAS) {
    it(`${transport}, ${era} era`, async () => {
      const connection = await manager.open(scriptedTarget(server, transport, era));
      expect(connection.info().era).toBe(era);
      for (const [code, message] of CODES) {
        for (const id of ['same', 'null', 'absent'] as const) {
          const { info, ms } = await failureOf(connection, { ...sseFlag(transport), id, error: { code, message } });
          expect(info.kind, `${code} id ${id}`).toBe('protocol');
          expect(info.message, `${code} id ${id}`).toContain(`JSON-RPC error ${code}: ${message}`);
          expect(info.detail, `${code} id ${id}`).toMatchObject({ code });
          expect(ms, `${code} id ${id}: at once, not after the timeout`).toBeLessThan(2_500);
        }
      }
      expect(connection.info().state).toBe('connected');
    });
  }
});

describe('a JSON-RPC error carried by an HTTP error status is still named by its code and message', () => {
  // Only HTTP has statuses; the answer body is JSON, as servers send their refusals.
  const cases: Array<['streamable-json' | 'sse', 'legacy' | 'modern']> = [
    ['streamable-json', 'legacy'],
    ['streamable-json', 'modern'],
    ['sse', 'legacy'],
  ];
  for (const [transport, era] of cases) {
    it(`${transport}, ${era} era: 400, 404, 500 with a JSON-RPC error body`, async () => {
      const connection = await manager.open(scriptedTarget(server, transport, era));
      for (const status of [400, 404, 500]) {
        for (const [code, message] of [[-32000, 'Bad Request: No valid session ID provided'], [-32001, 'Session not found'], [-32602, 'Invalid params']] as const) {
          for (const id of ['same', 'null'] as const) {
            const what = `HTTP ${status}, ${code}, id ${id}`;
            const { info, ms } = await failureOf(connection, { status, id, error: { code, message } });
            expect(info.kind, what).toBe('protocol');
            expect(info.message, what).toContain(`JSON-RPC error ${code}: ${message}`);
            expect(info.message, what).toContain(`HTTP ${status}`);
            expect(info.detail, what).toMatchObject({ code, status });
            expect(ms, what).toBeLessThan(2_500);
          }
        }
      }
      expect(connection.info().state).toBe('connected');
    });
  }
});

describe('a JSON-RPC error answering the handshake (initialize, server/discover) fails the connect as protocol, with code and message', () => {
  for (const [transport, era] of TRANSPORT_ERAS) {
    it(`${transport}, ${era} era`, async () => {
      for (const code of [-32000, -32001, -32603]) {
        const refusing = new ConnectionManager({ clientInfo: { name: `${REFUSE_HANDSHAKE}${code}`, version: '1.0.0' }, webSocket: { pingIntervalMs: 0 } });
        try {
          const error = await refusing.open(scriptedTarget(server, transport, era)).then(() => undefined, (e: unknown) => e);
          if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
          expect(error.info.kind, String(code)).toBe('protocol');
          expect(error.info.message, String(code)).toContain(`JSON-RPC error ${code}: Handshake refused (${code})`);
        } finally {
          await refusing.closeAll();
        }
      }
    });
  }
});
