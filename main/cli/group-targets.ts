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
  if (!instances || instances.length < 2) return { instances: [{ instance: target.url ?? label, target, label }], group: false, label };
  return {
    group: true,
    label,
    instances: instances.map((url, index) => ({ instance: url, target: { ...target, url }, label: `${label} (instance ${index + 1} of ${instances.length})` })),
  };
}
