import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import type { TransportKind } from '../../../../shared/model/connection';
import type { EraDetection } from '../../../../shared/model/protocol-era';
import type { TraceBus } from '../../capture/trace-bus';
import type { EraRequest, LiveSession } from '../connection-attempt';
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

/** The SDK's verdict when the transport closed under its server/discover probe (the process exited). */
function stoppedOnProbe(error: unknown, observer: ProbeObserver): boolean {
  if (!observer.sent) return false;
  if (observer.result()?.outcome === 'exited') return true;
  return error instanceof SdkError && error.code === SdkErrorCode.EraNegotiationFailed && /closed|exited|ended/i.test(error.message);
}
