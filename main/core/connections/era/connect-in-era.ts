import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import type { TransportKind } from '../../../../shared/model/connection';
import type { EraDetection } from '../../../../shared/model/protocol-era';
import type { TraceBus } from '../../capture/trace-bus';
import type { EraRequest, LiveSession } from '../connection-attempt';
import { PeriscopeError } from '../../diagnostics/periscope-error';
import { toErrorInfo } from '../../diagnostics/classify-error';
import { NO_SHARED_VERSION_HINT, SPOKEN_REVISIONS, versionWords } from '../../diagnostics/classify-protocol-error';
import { explainEra } from './explain-era';
import { ProbeObserver } from './probe-observer';

export interface EraOutcome {
  session: LiveSession;
  detection: EraDetection;
}

/**
 * Connects one transport in the requested protocol era and says how the era was decided.
 * - Legacy HTTP+SSE has no 2026-07-28 binding: `auto` goes straight to the 2025 handshake there.
 * - On stdio, `auto` probes the server in place; a server that stops on the probe (some 2025-era
 *   servers exit on any request before `initialize`) is started again with the 2025 handshake.
 * Rejects with the attempt's own error otherwise, so the caller classifies it as before.
 */
export async function connectInEra(kind: TransportKind, era: EraRequest, bus: TraceBus, attempt: (era: EraRequest) => Promise<LiveSession>): Promise<EraOutcome> {
  if (kind === 'sse' && era.choice === 'auto') {
    const session = await attempt({ choice: 'legacy' });
    const detection = explainEra({
      requested: 'auto',
      chosen: 'legacy',
      negotiatedVersion: session.protocolVersion,
      transportNote: 'Legacy HTTP+SSE is a 2025-era transport (deprecated), so no server/discover probe was sent',
    });
    return { session, detection };
  }

  const observer = new ProbeObserver(bus);
  let session: LiveSession;
  let restartedAfterProbe = false;
  try {
    try {
      session = await attempt(era);
    } catch (error) {
      if (era.choice === 'auto') throwIfNoVersionShared(error, observer.offeredVersions);
      if (!(kind === 'stdio' && era.choice === 'auto' && stoppedOnProbe(error, observer))) throw error;
      bus.emit({ type: 'lifecycle', state: 'info', text: 'The server stopped when probed with server/discover; starting it again with the 2025 initialize handshake' });
      restartedAfterProbe = true;
      session = await attempt({ choice: 'legacy' });
    }
  } finally {
    observer.dispose();
  }
  const detection = explainEra({
    requested: era.choice,
    ...(era.version ? { pinnedVersion: era.version } : {}),
    chosen: session.era,
    negotiatedVersion: session.protocolVersion,
    supportedVersions: session.discover?.supportedVersions,
    probe: observer.result(),
    restartedAfterProbe,
  });
  return { session, detection };
}

/**
 * `auto` against a server whose server/discover offered only versions Periscope does not speak:
 * the SDK then falls back to the 2025 `initialize`, which such a server refuses in its own way
 * (-32601, an HTTP 400...). That refusal hides the real story: the offered versions, by name,
 * and that no setting can help (MCP 2026-07-28 basic/lifecycle, version negotiation).
 */
function throwIfNoVersionShared(fallbackError: unknown, offered: string[]): void {
  if (offered.length === 0 || offered.some((version) => SPOKEN_REVISIONS.has(version))) return;
  const fallback = toErrorInfo(fallbackError, { phase: 'connect' });
  // A -32022 answer to initialize already names the versions and says no setting helps.
  if (fallback.kind === 'protocol-version') return;
  throw new PeriscopeError(
    {
      kind: 'protocol-version',
      message: `The server's server/discover offers only protocol version${offered.length === 1 ? '' : 's'} ${versionWords(offered)}, ${offered.length === 1 ? 'which' : 'none of which'} Periscope ${offered.length === 1 ? 'does not speak' : 'speaks'} (it speaks ${[...SPOKEN_REVISIONS].join(', ')}); the 2025 initialize handshake tried next failed too: ${fallback.message}`,
      hint: NO_SHARED_VERSION_HINT,
      detail: { supported: offered.slice(0, 20) },
    },
    { cause: fallbackError },
  );
}

/** The SDK's verdict when the transport closed under its server/discover probe (the process exited). */
function stoppedOnProbe(error: unknown, observer: ProbeObserver): boolean {
  if (!observer.sent) return false;
  if (observer.result()?.outcome === 'exited') return true;
  return error instanceof SdkError && error.code === SdkErrorCode.EraNegotiationFailed && /closed|exited|ended/i.test(error.message);
}
