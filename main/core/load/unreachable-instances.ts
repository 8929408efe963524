import type { ErrorInfo } from '../../../shared/model/error-info';
import type { InstanceLoadFigures } from '../../../shared/model/load-run';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { InstanceTarget } from '../remotes/instance-targets';

/** An instance of a group that a run could not connect to, and why. */
export interface UnreachableInstance {
  /** Where it stands in the group's list (0-based), to keep the report in the group's order. */
  index: number;
  target: InstanceTarget;
  error: ErrorInfo;
}

/** "staging (instance 2 of 4) at http://…/mcp could not be reached: Connection refused by …". */
export function describeUnreachable({ target, error }: UnreachableInstance): string {
  return `${target.label} at ${target.instance} could not be reached: ${error.message}`;
}

/**
 * The error for a group's run that cannot start because instances are down: the first one named
 * (its label says which of the group's instances it is) with its own error's kind (so its exit
 * code) and detail, the others counted and named. `why` says what the run needed, `hint` what to
 * do besides fixing the instance (the first error's own hint comes first).
 */
export function unreachableInstancesError(unreachable: readonly UnreachableInstance[], why: string, hint: string): PeriscopeError {
  const [first, ...others] = unreachable;
  if (!first) throw new RangeError('no unreachable instance to report');
  const more = others.length > 0 ? `; also not reached: ${others.map((o) => `${o.target.label} (${o.error.kind})`).join(', ')}` : '';
  return new PeriscopeError({
    kind: first.error.kind,
    message: `${describeUnreachable(first)}${more}. ${why}`,
    hint: `${first.error.hint.replace(/\.?\s*$/, '')}; ${hint}`,
    detail: { ...first.error.detail, instance: first.target.instance, unreachable: unreachable.map((u) => ({ instance: u.target.instance, label: u.target.label, kind: u.error.kind })) },
  });
}

/** An unreachable instance's row in a run's per-instance figures: nothing sent, and why. */
export function unreachableFigures({ target, error }: UnreachableInstance): InstanceLoadFigures {
  return { instance: target.instance, count: 0, ok: 0, errors: {}, throughputPerS: 0, error };
}
