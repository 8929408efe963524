import type { ProtocolEra } from '../../../shared/model/protocol-era';
import type { Direction, MessageEntry } from '../../../shared/model/trace';
import { isObject } from './envelope';

type Draft = Omit<MessageEntry, 'seq' | 'connectionId' | 'wallTime'>;

/**
 * What a server got wrong about the protocol era, judged from one message: a modern
 * (2026-07-28) connection whose server answers like a 2025 server. Plain words, for the trace.
 * Source: MCP specification 2026-07-28, "Base protocol › Results" (`resultType` is required on
 * every result) and "Lifecycle › server/discover".
 */
export function eraWarnings(era: ProtocolEra | undefined, direction: Direction, draft: Draft, message: Record<string, unknown>): string[] {
  if (direction !== 'incoming' || draft.messageKind !== 'response') return [];
  const result = message.result;
  if (!isObject(result)) return [];
  const warnings: string[] = [];
  if (draft.method === 'server/discover') {
    if ('protocolVersion' in result && 'serverInfo' in result && !('supportedVersions' in result)) {
      warnings.push('The server answered server/discover with an initialize-shaped result (protocolVersion, serverInfo): it answers like a 2025-era server, not a 2026-07-28 one.');
    } else if (!Array.isArray(result.supportedVersions)) {
      warnings.push('The server/discover result has no supportedVersions list, which the 2026-07-28 protocol requires.');
    } else if (result.resultType === undefined) {
      warnings.push('The server/discover result has no resultType, which every 2026-07-28 result must carry: this server half-implements the modern protocol, and its other results will likely fail.');
    }
  }
  if (era === 'modern' && draft.requestSeq !== undefined && result.resultType === undefined) {
    warnings.push('This result has no resultType, which every 2026-07-28 result must carry: the server answers like a 2025-era server on a modern connection.');
  }
  return warnings;
}
