import type { ConnectionInfo } from '../../../shared/model/connection';
import type { EraDetection } from '../../../shared/model/protocol-era';
import type { LiveSession } from './connection-attempt';

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
    capabilities: client.getServerCapabilities() as Record<string, unknown> | undefined,
    instructions: client.getInstructions(),
    sessionId: inner.sessionId,
  };
}
