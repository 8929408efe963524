import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { tooDeepErrorInfo } from '../capture/depth-guard';
import type { Redactor } from '../capture/redaction';
import { isSchemaRefusal } from '../capture/unparsed-message';
import { toErrorInfo } from '../diagnostics/classify-error';
import { describeFailure } from '../diagnostics/describe-failure';
import type { FailureEvidence } from './failure-evidence';

/** How long a failure waits for the recording of what the server said (its body lands a moment after the throw). */
export const EVIDENCE_SETTLE_MS = 30;

const settle = () => new Promise((resolve) => setTimeout(resolve, EVIDENCE_SETTLE_MS));

interface FailureScene {
  evidence: FailureEvidence;
  redactor: Redactor;
  url: string | undefined;
  transport: TransportKind | undefined;
  /** The Authorization value the connection sends (read for a token's claims, never shown). */
  authorization?: string;
}

/**
 * A failed request in words (ErrorInfo, redacted). A JSON body the SDK refused at once waits for
 * its recording; an answer refused for its depth (see depth-guard) is that, not a wire failure.
 */
export async function requestFailureInfo(error: unknown, scene: FailureScene): Promise<ErrorInfo> {
  if (isSchemaRefusal(error)) await settle();
  const context = scene.evidence.context({ url: scene.url, transport: scene.transport, phase: 'request', ...credentialOf(scene) });
  return scene.redactor.errorInfo(tooDeepErrorInfo(error) ?? toErrorInfo(error, context));
}

/**
 * A failed connect in words (ErrorInfo, redacted). The recording of a refused request's body (its
 * WWW-Authenticate or HTML title) gets a moment to land; a TLS failure gets the server's
 * certificate looked at (a 2 s probe), so the message can name it.
 */
export async function connectFailureInfo(error: unknown, scene: FailureScene & { ca?: Buffer[]; connectTimeoutMs?: number }): Promise<ErrorInfo> {
  const tooDeep = tooDeepErrorInfo(error);
  if (tooDeep) return scene.redactor.errorInfo(tooDeep);
  await settle();
  const context = scene.evidence.context({ url: scene.url, transport: scene.transport, phase: 'connect', ...credentialOf(scene), ...(scene.connectTimeoutMs ? { connectTimeoutMs: scene.connectTimeoutMs } : {}) });
  return scene.redactor.errorInfo(await describeFailure(error, context, { probeTimeoutMs: 2_000, ...(scene.ca ? { ca: scene.ca } : {}) }));
}

/** Connecting was stopped on purpose (the tab closed, the app quit). */
export function cancelledConnect(label: string): ErrorInfo {
  return { kind: 'cancelled', message: `Connecting to ${label} was cancelled`, hint: 'nothing to fix: it was stopped on purpose' };
}

export function notConnected(): ErrorInfo {
  return { kind: 'closed', message: 'The connection is not open yet', hint: 'connect first, then send requests' };
}

function credentialOf(scene: FailureScene): { authorization?: string } {
  return scene.authorization ? { authorization: scene.authorization } : {};
}
