import { ConnectionTarget, type ConnectionTargetInput } from '../../../shared/model/connection';
import { effectiveEraChoice, eraOfRevision } from '../../../shared/model/protocol-era';
import { headerValueProblem, isValidHeaderName } from '../../../shared/model/remote-rules';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { headerFix } from '../diagnostics/fixes';
import type { EraRequest } from './connection-attempt';

/** The caller's settings with defaults filled in, or an `invalid-input` error naming each problem. */
export function parseConnectionTarget(input: ConnectionTargetInput): ConnectionTarget {
  const parsed = ConnectionTarget.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'target'}: ${i.message}`).join('; ');
    throw invalid(`The connection settings are not valid (${problems})`, 'check the transport, URL, headers and timeouts');
  }
  const era = effectiveEraChoice(parsed.data.protocolEra, parsed.data.protocolVersion);
  if ('error' in era) throw invalid(era.error, 'set the protocol era to auto, or pin a version of the chosen era');
  checkHeaders(parsed.data.headers);
  return parsed.data;
}

/**
 * Headers fetch and ws would refuse with a bare TypeError ("invalid header value", "Cannot convert
 * argument to a ByteString") are refused here, by name, before anything is sent. Saved remotes
 * are checked on save too, but a keychain value or an -H option reaches the engine only now.
 */
function checkHeaders(headers: ConnectionTarget['headers']): void {
  for (const { name, value } of headers) {
    const trimmed = name.trim();
    if (!trimmed) continue; // headerRecord skips nameless headers
    if (!isValidHeaderName(trimmed)) {
      throw invalid(`Header name "${trimmed}" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only)`, 'rename the header');
    }
    const problem = headerValueProblem(value);
    if (problem) {
      throw new PeriscopeError({
        kind: 'invalid-input',
        message: `Header "${trimmed}" cannot be sent: its value ${problem}`,
        hint: 'fix the header\'s value (a secret one is kept in the keychain) and connect again',
        fixes: [headerFix(trimmed, `Fix the ${trimmed} header`)],
        detail: { header: trimmed },
      });
    }
  }
}

function invalid(message: string, hint: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint });
}

/** The era setting with a pinned version's own era applied (the two were checked when the target was parsed). */
export function eraRequestOf(target: ConnectionTarget): EraRequest {
  const choice = target.protocolVersion && target.protocolEra === 'auto' ? eraOfRevision(target.protocolVersion) : target.protocolEra;
  return { choice, ...(target.protocolVersion ? { version: target.protocolVersion } : {}) };
}

/** Whether the target means a stdio server: asked for, or `auto` with a command and no URL. */
export function requestedStdio(target: ConnectionTarget): boolean {
  return target.transport === 'stdio' || (target.transport === 'auto' && !target.url && Boolean(target.command));
}
