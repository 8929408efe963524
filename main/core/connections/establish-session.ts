import type { ConnectionInfo, ConnectionTarget, TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceBus } from '../capture/trace-bus';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { parseEndpointUrl } from '../diagnostics/url';
import { detectTransport } from './auto-detect';
import type { EraRequest, LiveSession } from './connection-attempt';
import { eraRequestOf, requestedStdio } from './connection-target';
import { connectInEra, type EraOutcome } from './era/connect-in-era';
import type { FailureEvidence } from './failure-evidence';

export interface EstablishSteps {
  bus: TraceBus;
  evidence: FailureEvidence;
  /** The transport a previous connect found (a reconnect keeps it); undefined the first time. */
  knownTransport: TransportKind | undefined;
  /** One attempt on one transport in one era, within `deadlineMs` (ms left of the connect timeout). */
  attempt(kind: TransportKind, era: EraRequest, url: URL | undefined, deadlineMs: number): Promise<LiveSession>;
  /** Whether the attempt just made entered the OAuth flow, and the status that started it (see DetectionSteps.authFlow). */
  authFlow(): { status?: number } | undefined;
  /** A failed attempt in words (see failure-words.ts: connectFailureInfo). */
  classify(error: unknown, kind: TransportKind): Promise<ErrorInfo>;
  /** What auto-detection tried and why it chose, for the connection's info. */
  onDetection(detection: ConnectionInfo['detection']): void;
}

/**
 * Opens a session to the target: the transport it names (or the one found before), or, for
 * `auto`, the one auto-detection finds; in the era setting's era (connectInEra). The whole
 * connect, every attempt included, shares one deadline: `target.timeouts.connectMs`.
 * Rejects with a PeriscopeError (invalid-url for a bad URL; the classified failure otherwise).
 */
export async function establishSession(target: ConnectionTarget, steps: EstablishSteps): Promise<EraOutcome> {
  const stdio = requestedStdio(target);
  const url = stdio ? undefined : parseEndpointUrl(target.url ?? '', target.transport);
  // A reconnect keeps the transport found the first time; auto with a command means stdio.
  const kind: TransportKind | 'auto' = steps.knownTransport ?? (stdio ? 'stdio' : target.transport);
  const deadlineAt = Date.now() + target.timeouts.connectMs;
  const era = eraRequestOf(target);
  const attempt = (k: TransportKind) => connectInEra(k, era, steps.bus, (e) => steps.attempt(k, e, url, Math.max(1, deadlineAt - Date.now())));
  if (kind === 'auto') {
    const result = await detectTransport(url!, {
      attempt,
      classify: steps.classify,
      failedHttp: () => steps.evidence.failedHttp,
      authFlow: steps.authFlow,
      resetEvidence: () => steps.evidence.reset(),
    });
    steps.onDetection(result.detection);
    if (!result.ok) throw new PeriscopeError(result.error, { cause: result.cause });
    return result.session;
  }
  try {
    return await attempt(kind);
  } catch (error) {
    throw new PeriscopeError(await steps.classify(error, kind), { cause: error });
  }
}
