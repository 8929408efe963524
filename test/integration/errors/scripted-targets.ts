import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectionTargetInput } from '../../../shared/model/connection';
import type { ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';

const here = dirname(fileURLToPath(import.meta.url));
const STDIO_SCRIPT = join(here, '../../fixtures/sdk-servers/misbehaving/scripted-stdio-server.ts');

export type ScriptedTransport = 'streamable-json' | 'streamable-sse' | 'sse' | 'websocket' | 'stdio';
export type Era = 'legacy' | 'modern';

/** Every transport the scripted fixture serves, in both eras (legacy HTTP+SSE is 2025-only). */
export const TRANSPORT_ERAS: Array<[ScriptedTransport, Era]> = [
  ['streamable-json', 'legacy'],
  ['streamable-json', 'modern'],
  ['streamable-sse', 'legacy'],
  ['streamable-sse', 'modern'],
  ['sse', 'legacy'],
  ['websocket', 'legacy'],
  ['websocket', 'modern'],
  ['stdio', 'legacy'],
  ['stdio', 'modern'],
];

/** The connection target for one transport and era of the scripted fixture, the era pinned. */
export function scriptedTarget(server: ScriptedServer, transport: ScriptedTransport, era: Era, extra: string[] = []): ConnectionTargetInput {
  const timeouts = { connectMs: 10_000, requestMs: 4_000 };
  if (transport === 'stdio') {
    return { transport: 'stdio', command: process.execPath, args: ['--import', 'tsx', STDIO_SCRIPT, ...extra], protocolEra: era, timeouts };
  }
  const kind = transport === 'streamable-json' || transport === 'streamable-sse' ? 'streamable' : transport;
  return { transport: kind, url: server.urls[kind], protocolEra: era, timeouts };
}

/** Streamable HTTP answers on an event stream only when the call asks for it. */
export function sseFlag(transport: ScriptedTransport): { sse?: boolean } {
  return transport === 'streamable-sse' ? { sse: true } : {};
}
