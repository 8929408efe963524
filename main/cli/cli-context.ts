import type { Readable, Writable } from 'node:stream';
import type { ConnectionTargetInput } from '../../shared/model';
import type { RemoteOAuth } from '../../shared/model/remote-oauth';

/**
 * A saved remote as its OAuth needs it: its id (the keychain accounts of its client secret and
 * tokens, shared with the app) and its Authorization settings.
 */
export interface SavedRemoteAuth {
  id: string;
  name: string;
  oauth?: RemoteOAuth;
}

/** What a saved-remote lookup returns: a ready target (secrets resolved) and a display label. */
export interface ResolvedRemote {
  target: ConnectionTargetInput;
  label: string;
  /** A group's instances' URLs, its own first; absent for an ordinary remote. */
  instances?: string[];
  /** The remote itself, for its OAuth settings (absent from lookups that do not give it). */
  saved?: SavedRemoteAuth;
}

/**
 * Finds a saved remote by name; undefined when there is none. `dataDir` is the connecting
 * command's `--data-dir`, when given, so the lookup reads the same store as `periscope remotes`.
 * `confirmCommand`: the user confirmed an imported stdio remote's command (--confirm-command or
 * the prompt); otherwise such a remote rejects with `needs-confirmation`.
 */
export type RemoteLookup = (name: string, opts?: { dataDir?: string; confirmCommand?: boolean }) => Promise<ResolvedRemote | undefined>;

/**
 * Everything a command touches outside itself. The real process supplies these in index.ts;
 * tests hand in their own streams and environment so the whole CLI runs in-process.
 */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** Overrides the remotes data folder (otherwise --data-dir, PERISCOPE_DATA_DIR, the OS default). */
  dataDir?: string;
  /** Saved-remote hook used by resolveTarget for positionals that are not URLs. */
  lookupRemote?: RemoteLookup;
  /**
   * Subscribes to the user's interrupt (Ctrl-C). Returns an unsubscribe function. In-process
   * callers (tests) can trigger it themselves; the real process wires SIGINT.
   */
  onInterrupt: (listener: () => void) => () => void;
}

export interface CliIo {
  stdout?: Writable;
  stderr?: Writable;
  stdin?: Readable;
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  lookupRemote?: RemoteLookup;
  onInterrupt?: (listener: () => void) => () => void;
}

/** Builds the context, filling whatever the caller did not give from the real process. */
export function createCliContext(io: CliIo = {}): CliContext {
  return {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? process.env,
    dataDir: io.dataDir,
    lookupRemote: io.lookupRemote,
    onInterrupt: io.onInterrupt ?? processInterrupt,
  };
}

/**
 * SIGINT (Ctrl-C) and SIGTERM for the real process; while anyone listens, they are theirs instead
 * of Node's default exit, so a request is cancelled and a streaming command (subscribe, logs)
 * ends cleanly, its connection closed. A second signal still quits at once.
 */
function processInterrupt(listener: () => void): () => void {
  let pressed = 0;
  const handler = () => {
    if (++pressed > 1) process.exit(130);
    listener();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
