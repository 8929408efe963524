import type { RemoteOAuth } from '../../../shared/model/remote-oauth';
import type { ConnectionTargetInput } from '../../../shared/model';
import type { SecretVault } from '../secrets/secret-vault';
import { KeytarVault } from '../secrets/keytar-vault';
import { resolveDataDir } from './data-dir';
import { RemoteService } from './remote-service';
import type { StoreNotice } from './remote-store';

export interface RemoteLookupOptions {
  /** Default `--data-dir` (a call's own `dataDir` wins); otherwise PERISCOPE_DATA_DIR, otherwise the per-OS default. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Defaults to the OS keychain. */
  vault?: SecretVault;
  onNotice?: (notice: StoreNotice) => void;
}

/**
 * What connecting commands call with a name that is not a URL: the saved remote of that name,
 * resolved with its secrets (or undefined when there is none, so the caller can say so), and
 * `saved`: its id, name and OAuth settings (its sign-in's keychain accounts go by the id).
 * Missing required secrets, keychain failures and an unconfirmed imported command (unless
 * `confirmCommand`) reject with their PeriscopeError.
 */
export function createRemoteLookup(options: RemoteLookupOptions = {}) {
  const vault = options.vault ?? new KeytarVault();
  return async (
    name: string,
    opts: { dataDir?: string; confirmCommand?: boolean } = {},
  ): Promise<{ target: ConnectionTargetInput; label: string; instances?: string[]; saved: { id: string; name: string; oauth?: RemoteOAuth } } | undefined> => {
    const dataDir = resolveDataDir({ flag: opts.dataDir ?? options.dataDir, env: options.env });
    const service = new RemoteService({ dataDir, vault, onNotice: options.onNotice });
    const remote = await service.store.get(name);
    if (!remote) return undefined;
    // Confirmed once, remembered: the next run needs neither the flag nor the prompt.
    if (opts.confirmCommand && remote.commandNeedsConfirmation) await service.confirmCommand(remote.id);
    const resolved = { ...(await service.resolveForConnection(remote.id)), saved: { id: remote.id, name: remote.name, ...(remote.oauth ? { oauth: remote.oauth } : {}) } };
    // A group: every instance's URL, its own first (the commands that address all of them read it).
    return remote.instances.length > 0 && remote.url ? { ...resolved, instances: [remote.url, ...remote.instances] } : resolved;
  };
}
