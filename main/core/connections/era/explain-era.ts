import type { EraDetection, ProtocolEra, ProtocolEraChoice } from '../../../../shared/model/protocol-era';
import type { ProbeOutcome } from './probe-observer';
import { versionWords } from '../../diagnostics/classify-protocol-error';

export interface EraFacts {
  requested: ProtocolEraChoice;
  pinnedVersion?: string;
  chosen: ProtocolEra;
  negotiatedVersion?: string;
  supportedVersions?: string[];
  probe?: ProbeOutcome;
  /** Set when the connection was restarted with the 2025 handshake after the server died on the probe. */
  restartedAfterProbe?: boolean;
  /** Set when the transport itself decides (legacy HTTP+SSE has no 2026-07-28 binding). */
  transportNote?: string;
}

/**
 * How the era of a live connection was decided, in plain words, the way transport
 * auto-detection explains itself. Source: MCP specification 2026-07-28, "Lifecycle › Version
 * negotiation" (probe with server/discover; a 2025 server answers Method not found, or an HTTP
 * 4xx, and the client falls back to initialize).
 */
export function explainEra(facts: EraFacts): EraDetection {
  const version = facts.negotiatedVersion ? ` (version ${facts.negotiatedVersion})` : '';
  const speaking = facts.negotiatedVersion ?? (facts.pinnedVersion || '2026-07-28');
  // Said once: "the 2026-07-28 protocol", or with the version when another modern one was agreed.
  const modernWords = speaking === '2026-07-28' ? 'the 2026-07-28 protocol' : `the 2026-07-28 era's version ${speaking}`;
  const offered = facts.supportedVersions?.length ? `, offering ${versionWords(facts.supportedVersions)}` : '';
  let explanation: string;
  if (facts.transportNote) {
    explanation = `${facts.transportNote}; connected with the 2025 initialize handshake${version}.`;
  } else if (facts.requested === 'legacy') {
    explanation = `The legacy era was chosen for this connection${facts.pinnedVersion ? `, pinned to ${facts.pinnedVersion}` : ''}: no server/discover probe was sent; connected with the 2025 initialize handshake${version}.`;
  } else if (facts.requested === 'modern') {
    explanation = `The modern era was chosen for this connection${facts.pinnedVersion ? `, pinned to ${facts.pinnedVersion}` : ''}: the server answered server/discover${offered}; the connection speaks ${modernWords}.`;
  } else if (facts.chosen === 'modern') {
    explanation = `Auto: the server answered server/discover${offered}, so the connection speaks ${modernWords}.`;
  } else if (facts.restartedAfterProbe) {
    explanation = `Auto: the server stopped when probed with server/discover (as some 2025-era servers do on any request before initialize); it was started again and connected with the 2025 initialize handshake${version}.`;
  } else {
    explanation = `Auto: ${probeWords(facts.probe)}, as 2025-era servers do; connected with the 2025 initialize handshake${version}.`;
  }
  return {
    requested: facts.requested,
    ...(facts.pinnedVersion ? { pinnedVersion: facts.pinnedVersion } : {}),
    chosen: facts.chosen,
    ...(facts.probe ? { probe: facts.probe } : {}),
    explanation,
  };
}

function probeWords(probe: ProbeOutcome | undefined): string {
  if (!probe) return 'no server/discover answer was needed';
  switch (probe.outcome) {
    case 'method-not-found':
      return `the server answered server/discover with ${probe.detail}`;
    case 'json-rpc-error':
      return `the server refused server/discover (${probe.detail})`;
    case 'http-status':
      return `the server answered the server/discover POST with ${probe.detail}`;
    case 'no-answer':
      return 'the server did not answer server/discover in time (a silent stdio server is a 2025-era one)';
    case 'exited':
      return `${probe.detail}`;
    default:
      return `the server's answer to server/discover was not a 2026-07-28 one (${probe.detail})`;
  }
}
