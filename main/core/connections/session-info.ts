import type { ConnectionInfo } from '../../../shared/model/connection';
import type { EraDetection } from '../../../shared/model/protocol-era';
import { describeBytes } from '../../../shared/model/trace-size';
import { jsonText } from '../../../shared/json/json-text';
import type { LiveSession } from './connection-attempt';

/**
 * The connection's info travels everywhere (every state change to the window, lifecycle entries,
 * the CLI): a server's capabilities or instructions of many megabytes are cut to these, and the
 * initialize (or server/discover) answer in the session file has them whole.
 */
const CAPABILITIES_CHARS = 256 * 1024;
const INSTRUCTIONS_CHARS = 64 * 1024;

/**
 * What a live session tells about the server, for the connection's info: identity, era and
 * version, the versions it offered (modern era), capabilities, instructions, session id.
 */
export function sessionInfo(session: LiveSession, detection: EraDetection): Partial<ConnectionInfo> {
  const { client, inner } = session;
  const server = client.getServerVersion();
  return {
    transport: session.kind,
    serverInfo: server ? { name: server.name, version: server.version, ...(server.title ? { title: server.title } : {}) } : undefined,
    protocolVersion: session.protocolVersion,
    era: session.era,
    supportedVersions: session.discover?.supportedVersions,
    eraDetection: detection,
    capabilities: boundedCapabilities(client.getServerCapabilities() as Record<string, unknown> | undefined),
    instructions: boundedInstructions(client.getInstructions()),
    sessionId: inner.sessionId,
  };
}

function boundedCapabilities(capabilities: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!capabilities) return capabilities;
  const text = jsonText(capabilities, CAPABILITIES_CHARS + 1);
  if (text.complete) return capabilities;
  const size = describeBytes(Buffer.byteLength(jsonText(capabilities).text, 'utf8'));
  // The names still say what the server offers; their contents are in the trace.
  return Object.fromEntries(Object.keys(capabilities).map((name) => [name, { '[cut]': `the capabilities take ${size}; the handshake answer in the trace has them` }]));
}

function boundedInstructions(instructions: string | undefined): string | undefined {
  if (instructions === undefined || instructions.length <= INSTRUCTIONS_CHARS) return instructions;
  return `${instructions.slice(0, INSTRUCTIONS_CHARS)}… (cut: the instructions are ${describeBytes(Buffer.byteLength(instructions, 'utf8'))}; the handshake answer in the trace has them whole)`;
}
