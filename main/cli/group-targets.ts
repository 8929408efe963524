import type { ConnectionTargetInput } from '../../shared/model';
import type { CliContext } from './cli-context';
import type { TargetOptions } from './target';
import { resolveTarget } from './target';

/** One instance a group command reaches: its URL (its name in reports) and the full target. */
export interface GroupInstance {
  instance: string;
  target: ConnectionTargetInput;
  label: string;
}

/**
 * The instances behind a command's target: every instance of a saved group (its own URL first),
 * each with the group's transport, headers (secrets read from the keychain once), era, timeouts
 * and TLS, the command line's overrides laid over them; for a URL or an ordinary remote, that
 * one target. Errors: as resolveTarget (unknown name, missing secret...), before anything is sent.
 */
export async function resolveGroupTargets(
  arg: string | undefined,
  options: TargetOptions,
  ctx: Pick<CliContext, 'lookupRemote'> & Partial<Pick<CliContext, 'stdin' | 'stderr'>>,
): Promise<{ instances: GroupInstance[]; group: boolean; label: string }> {
  const { target, label, instances } = await resolveTarget(arg, options, ctx);
  const each = groupInstances(target, label, instances);
  return { instances: each, group: each.length > 1, label };
}

/**
 * The instances of a resolved target: for a group (two URLs or more), each URL with the target's
 * settings, labelled `<label> (instance i of n)`; otherwise the one target as it is.
 */
export function groupInstances(target: ConnectionTargetInput, label: string, instances: string[] | undefined): GroupInstance[] {
  if (!instances || instances.length < 2) return [{ instance: target.url ?? label, target, label }];
  return instances.map((url, index) => ({ instance: url, target: { ...target, url }, label: `${label} (instance ${index + 1} of ${instances.length})` }));
}
