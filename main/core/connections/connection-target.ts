import { ConnectionTarget, type ConnectionTargetInput } from '../../../shared/model/connection';
import { effectiveEraChoice } from '../../../shared/model/protocol-era';
import { PeriscopeError } from '../diagnostics/periscope-error';

/** The caller's settings with defaults filled in, or an `invalid-input` error naming each problem. */
export function parseConnectionTarget(input: ConnectionTargetInput): ConnectionTarget {
  const parsed = ConnectionTarget.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'target'}: ${i.message}`).join('; ');
    throw invalid(`The connection settings are not valid (${problems})`, 'check the transport, URL, headers and timeouts');
  }
  const era = effectiveEraChoice(parsed.data.protocolEra, parsed.data.protocolVersion);
  if ('error' in era) throw invalid(era.error, 'set the protocol era to auto, or pin a version of the chosen era');
  return parsed.data;
}

function invalid(message: string, hint: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint });
}
