import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Remote } from '../../../shared/model';
import { PeriscopeError, isPeriscopeError } from '../diagnostics/periscope-error';
import { WriteQueue, writeFileAtomic, type AtomicWriteHooks } from './atomic-write';
import { withFileLock } from './file-lock';
import { jsonFileText, NotUtf8Error } from './json-file-text';
import { CURRENT_SCHEMA_VERSION, readRemotesFile, serializeRemotesFile, type MigratedSecret } from './remotes-file';
import { FIX } from '../diagnostics/fixes';
import { assertNameFree, findRemote, freeName, nameTaken, notFound, validRemote } from './remote-list-rules';
import type { ErrorFix } from '../../../shared/model/error-info';

export const REMOTES_FILE_NAME = 'remotes.json';

/** Something the user must hear about (the CLI prints it, the app shows it). */
export interface StoreNotice {
  kind: 'corrupt-file-moved' | 'migrated';
  message: string;
  /** Where a moved-aside file now is. */
  path?: string;
}

/**
 * The fields of a remote the caller decides; the store owns id and times. The confirmation flag
 * is false unless given: RemoteService decides it (set by import, kept across edits that leave the
 * command alone).
 */
export type RemoteFields = Omit<Remote, 'id' | 'createdAt' | 'updatedAt' | 'commandNeedsConfirmation'> & { commandNeedsConfirmation?: boolean };

export interface RemoteStoreOptions {
  dataDir: string;
  now?: () => number;
  onNotice?: (notice: StoreNotice) => void;
  /**
   * Receives secret values found inline in an old-format file. They must be safely in the
   * keychain before the store rewrites the file without them; without this, such a file is refused.
   */
  onMigratedSecrets?: (secrets: MigratedSecret[]) => Promise<void>;
  writeHooks?: AtomicWriteHooks;
}

/**
 * Saved remotes in one JSON file. Every operation re-reads the file inside a serialized queue,
 * so the CLI and the app can share a data folder without losing each other's edits.
 */
export class RemoteStore {
  readonly dataDir: string;
  readonly filePath: string;
  readonly notices: StoreNotice[] = [];
  private readonly queue = new WriteQueue();
  private readonly now: () => number;

  constructor(private readonly options: RemoteStoreOptions) {
    this.dataDir = options.dataDir;
    this.filePath = join(options.dataDir, REMOTES_FILE_NAME);
    this.now = options.now ?? Date.now;
  }

  list(): Promise<Remote[]> {
    return this.queue.run(() => this.read());
  }

  /** By id, else by exact name, else by name ignoring case. */
  async get(idOrName: string): Promise<Remote | undefined> {
    return findRemote(await this.list(), idOrName);
  }

  async require(idOrName: string): Promise<Remote> {
    const remote = await this.get(idOrName);
    if (!remote) throw notFound(idOrName);
    return remote;
  }

  create(fields: RemoteFields, options: { id?: string } = {}): Promise<Remote> {
    return this.mutate((remotes) => {
      const time = this.now();
      const remote = validRemote({ ...fields, id: options.id ?? randomUUID(), createdAt: time, updatedAt: time });
      assertNameFree(remotes, remote.name);
      return { remotes: [...remotes, remote], result: remote };
    });
  }

  /**
   * Adds many remotes with one read and one write of the file (an import of thousands must not
   * rewrite the file once per entry). Each item succeeds or fails on its own: an invalid remote
   * or a name already taken (in the file or earlier in the batch) is that item's error.
   */
  createMany(items: Array<{ fields: RemoteFields; id?: string }>): Promise<Array<{ remote: Remote } | { error: PeriscopeError }>> {
    return this.mutate((remotes) => {
      const byName = new Map(remotes.map((r) => [r.name.toLowerCase(), r]));
      const time = this.now();
      const added: Remote[] = [];
      const outcomes = items.map(({ fields, id }) => {
        try {
          const remote = validRemote({ ...fields, id: id ?? randomUUID(), createdAt: time, updatedAt: time });
          const taken = byName.get(remote.name.toLowerCase());
          if (taken) throw nameTaken(taken, remote.name);
          byName.set(remote.name.toLowerCase(), remote);
          added.push(remote);
          return { remote };
        } catch (error) {
          if (!isPeriscopeError(error)) throw error;
          return { error };
        }
      });
      return { remotes: added.length ? [...remotes, ...added] : remotes, result: outcomes, unchanged: added.length === 0 };
    });
  }

  update(id: string, fields: RemoteFields): Promise<Remote> {
    return this.mutate((remotes) => {
      const index = remotes.findIndex((r) => r.id === id);
      if (index < 0) throw notFound(id);
      const current = remotes[index];
      const remote = validRemote({ ...fields, id, createdAt: current.createdAt, updatedAt: this.now() });
      assertNameFree(remotes, remote.name, id);
      const next = [...remotes];
      next[index] = remote;
      return { remotes: next, result: remote };
    });
  }

  /** A copy under a new id, named "<name> copy" (or "<name> copy 2"...) unless a name is given. */
  duplicate(id: string, options: { name?: string; id?: string } = {}): Promise<Remote> {
    return this.mutate((remotes) => {
      const source = remotes.find((r) => r.id === id);
      if (!source) throw notFound(id);
      const time = this.now();
      const name = options.name ?? freeName(remotes, `${source.name} copy`);
      const copy = validRemote({ ...source, id: options.id ?? randomUUID(), name, createdAt: time, updatedAt: time });
      assertNameFree(remotes, copy.name);
      return { remotes: [...remotes, copy], result: copy };
    });
  }

  remove(id: string): Promise<Remote> {
    return this.mutate((remotes) => {
      const removed = remotes.find((r) => r.id === id);
      if (!removed) throw notFound(id);
      return { remotes: remotes.filter((r) => r.id !== id), result: removed };
    });
  }

  private mutate<T>(change: (remotes: Remote[]) => { remotes: Remote[]; result: T; unchanged?: boolean }): Promise<T> {
    return this.queue.run(() => this.locked(async () => {
      const { remotes, result, unchanged } = change(await this.read());
      if (!unchanged) await this.write(remotes);
      return result;
    }));
  }

  /** The queue orders this process's writes; the lock file orders them with other processes'. */
  private async locked<T>(task: () => Promise<T>): Promise<T> {
    await this.ensureDataDir();
    try {
      return await withFileLock(`${this.filePath}.lock`, task);
    } catch (error) {
      if (isPeriscopeError(error)) throw error;
      throw storageError('Could not change the saved remotes', error, 'Another MCP Periscope window or command may be saving right now; try again.');
    }
  }

  private async ensureDataDir(): Promise<void> {
    try {
      await mkdir(this.dataDir, { recursive: true });
    } catch (error) {
      throw storageError(`Could not create the data folder ${this.dataDir}`, error, 'Make the data folder writable, or use another one.', [FIX.dataDir]);
    }
  }

  private async write(remotes: Remote[]): Promise<void> {
    try {
      await writeFileAtomic(this.filePath, serializeRemotesFile(remotes), this.options.writeHooks);
    } catch (error) {
      throw storageError(`Could not save ${this.filePath}`, error, 'The previous file is unchanged. Check that the folder exists, is writable and the disk is not full.');
    }
  }

  private async read(): Promise<Remote[]> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      await this.moveAside(`it could not be read (${(error as Error).message})`);
      return [];
    }
    let json: unknown;
    try {
      // A hand edit may have saved it with a byte order mark: that is still the user's file.
      json = JSON.parse(jsonFileText(bytes));
    } catch (error) {
      await this.moveAside(error instanceof NotUtf8Error ? `it is not UTF-8 text (${error.message})` : `it is not valid JSON (${(error as Error).message})`);
      return [];
    }
    const reading = readRemotesFile(json, this.now());
    if (reading.status === 'newer') {
      throw new PeriscopeError({
        kind: 'storage',
        message: `${this.filePath} was written by a newer version of MCP Periscope (schema version ${reading.version}; this version reads up to ${CURRENT_SCHEMA_VERSION}).`,
        hint: 'Update MCP Periscope, or use another data folder. The file was left untouched.',
        fixes: [FIX.dataDir],
        detail: { path: this.filePath, schemaVersion: reading.version },
      });
    }
    if (reading.status === 'invalid') {
      await this.moveAside(`its content is not a valid list of remotes: ${reading.reason}`);
      return [];
    }
    if (reading.migratedFrom !== undefined) await this.finishMigration(reading.file.remotes, reading.secrets, reading.migratedFrom, reading.urlCredentialsRemoved === true);
    return reading.file.remotes;
  }

  private async finishMigration(remotes: Remote[], secrets: MigratedSecret[], from: number, urlCredentialsRemoved: boolean): Promise<void> {
    if (secrets.length === 0) {
      // The next write stores the new format; but a URL's password must not wait for it.
      if (urlCredentialsRemoved) {
        await this.write(remotes);
        this.notify({ kind: 'migrated', message: `${this.filePath} had a user name or password in a URL (user:password then @); it was removed (the remote's Authorization header is what is sent).` });
      }
      return;
    }
    if (!this.options.onMigratedSecrets) {
      throw new PeriscopeError({
        kind: 'storage',
        message: `${this.filePath} holds secret values in plain text (${from < CURRENT_SCHEMA_VERSION ? 'an older format' : 'stdio environment credentials, secret header values or a password in a URL'}).`,
        hint: 'Open it with the keychain available so the values can move there; the file was left untouched.',
        detail: { path: this.filePath, schemaVersion: from },
      });
    }
    await this.options.onMigratedSecrets(secrets);
    await this.write(remotes);
    const what = from < CURRENT_SCHEMA_VERSION ? `was upgraded from schema version ${from} to ${CURRENT_SCHEMA_VERSION}` : 'held secret values in plain text';
    this.notify({ kind: 'migrated', message: `${this.filePath} ${what}; ${secrets.length} secret value(s) moved to the system keychain.` });
  }

  private async moveAside(reason: string): Promise<void> {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const target = `${this.filePath}.corrupt-${stamp}`;
    try {
      await rename(this.filePath, target);
    } catch (error) {
      throw storageError(`${this.filePath} cannot be used because ${reason}, and it could not be moved aside`, error, 'Move or repair the file yourself; MCP Periscope will not overwrite it.');
    }
    this.notify({
      kind: 'corrupt-file-moved',
      path: target,
      message: `${this.filePath} could not be used because ${reason}. It was moved to ${target} (nothing was deleted) and the list of remotes starts empty.`,
    });
  }

  private notify(notice: StoreNotice): void {
    this.notices.push(notice);
    this.options.onNotice?.(notice);
  }
}

function storageError(message: string, error: unknown, hint: string, fixes?: ErrorFix[]): PeriscopeError {
  const system = error instanceof Error ? error.message : String(error);
  return new PeriscopeError({ kind: 'storage', message: `${message}: ${system}`, hint, ...(fixes ? { fixes } : {}), detail: { systemMessage: system } }, { cause: error });
}
