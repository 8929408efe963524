import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeMessageJson, whileOffering } from '../../../main/core/capture/message-json';
import { Redactor } from '../../../main/core/capture/redaction';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import { ConnectionTrace } from '../../../main/core/connections/connection-trace';
import type { MessageEntry } from '../../../shared/model/trace';

const SECRET = 'sk-live-Qm3Xv8Rt2Lp6';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-message-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A transport that accepts every message and lets the test deliver incoming ones. */
function quietTransport(): Transport & { deliver(message: JSONRPCMessage): void } {
  const transport = {
    start: async () => undefined,
    send: async () => undefined,
    close: async () => undefined,
    deliver: (message: JSONRPCMessage) => transport.onmessage?.(message),
  } as Transport & { deliver(message: JSONRPCMessage): void };
  return transport;
}

describe('the measured JSON of a message, reused by the session file', () => {
  it('is handed over only for the very same object, only while its entry is emitted', () => {
    const message = { jsonrpc: '2.0', id: 1, method: 'ping' };
    expect(whileOffering(message, '{"x":1}', () => takeMessageJson({ ...message }))).toBeUndefined();
    expect(whileOffering(message, '{"x":1}', () => takeMessageJson(message))).toBe('{"x":1}');
    // Taken once; and nothing is on offer after the emit.
    expect(whileOffering(message, '{"x":1}', () => [takeMessageJson(message), takeMessageJson(message)])).toEqual(['{"x":1}', undefined]);
    whileOffering(message, '{"x":1}', () => undefined);
    expect(takeMessageJson(message)).toBeUndefined();
  });

  it('session file lines are the same entries as without it, and a message with a secret is written masked', async () => {
    const path = join(dir, 's.ndjson');
    const redactor = new Redactor();
    redactor.addSecretValue(SECRET);
    const trace = new ConnectionTrace('c1', { label: 'message json' }, { recordTo: path }, redactor);
    await trace.open();
    const inner = quietTransport();
    const traced = traceTransport(inner, trace.bus);
    await traced.start();
    const emitted: MessageEntry[] = [];
    trace.bus.subscribe((entry) => entry.type === 'message' && emitted.push(entry));

    await traced.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'héllo "quoted" \u2028 line', n: 1.5, list: [null, true, {}] } } });
    inner.deliver({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: `the key is ${SECRET}` }] } });
    await traced.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'login', arguments: { token: SECRET } } });
    await trace.close();

    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(SECRET);
    const { entries } = await readSessionFile(path);
    const written = entries.filter((e): e is MessageEntry => e.type === 'message');
    // Every field as the bus emitted it (masked where a secret was), whichever way it was serialized.
    expect(written).toEqual(emitted.map((entry) => JSON.parse(JSON.stringify(entry)) as MessageEntry));
    expect(JSON.stringify(written[1]!.message)).toContain('[redacted]');
    expect(JSON.stringify(written[2]!.message)).toContain('[redacted]');
  });
});
