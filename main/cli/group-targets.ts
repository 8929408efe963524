import { instanceTargets, type InstanceTarget } from '../core/remotes/instance-targets';
import type { CliContext } from './cli-context';
import type { TargetOptions } from './target';
import { resolveTarget } from './target';

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
): Promise<{ instances: InstanceTarget[]; group: boolean; label: string }> {
  const { target, label, instances } = await resolveTarget(arg, options, ctx);
  const each = instanceTargets(target, label, instances ?? []);
  return { instances: each, group: each.length > 1, label };
}
