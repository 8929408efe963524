import { ConnectionTarget, type ConnectionTargetInput } from '../../../shared/model/connection';
import { PeriscopeError } from '../diagnostics/periscope-error';

/** The caller's settings with defaults filled in, or an `invalid-input` error naming each problem. */
export function parseConnectionTarget(input: ConnectionTargetInput): ConnectionTarget {
  const parsed = ConnectionTarget.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'target'}: ${i.message}`).join('; ');
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: `The connection settings are not valid (${problems})`,
    hint: 'check the transport, URL, headers and timeouts',
  });
}
