import { createRequire } from 'node:module';
import { KEYCHAIN_SERVICE, type SecretVault } from './secret-vault';
import { keychainError } from './keychain-error';

/** The part of keytar this vault uses; tests can hand in a stand-in that fails on purpose. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarVaultOptions {
  service?: string;
  /** Defaults to the real keytar, loaded on first use so commands without secrets never need it. */
  keytar?: KeytarLike;
}

/** Secret values in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service). */
export class KeytarVault implements SecretVault {
  private readonly service: string;
  private backend: Promise<KeytarLike> | undefined;

  constructor(options: KeytarVaultOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    if (options.keytar) this.backend = Promise.resolve(options.keytar);
  }

  async get(account: string): Promise<string | undefined> {
    const keytar = await this.load('read', account);
    try {
      return (await keytar.getPassword(this.service, account)) ?? undefined;
    } catch (error) {
      throw keychainError(error, 'read', account);
    }
  }

  async set(account: string, value: string): Promise<void> {
    const keytar = await this.load('store', account);
    try {
      await keytar.setPassword(this.service, account, value);
    } catch (error) {
      throw keychainError(error, 'store', account);
    }
  }

  async delete(account: string): Promise<boolean> {
    const keytar = await this.load('delete', account);
    try {
      return await keytar.deletePassword(this.service, account);
    } catch (error) {
      throw keychainError(error, 'delete', account);
    }
  }

  async list(): Promise<string[]> {
    const keytar = await this.load('list');
    try {
      const credentials = await keytar.findCredentials(this.service);
      return credentials.map((c) => c.account);
    } catch (error) {
      throw keychainError(error, 'list');
    }
  }

  private load(operation: 'read' | 'store' | 'delete' | 'list', account?: string): Promise<KeytarLike> {
    // require, not import(): keytar is CommonJS, and importing it from an ES module first has Node
    // scan its source for exports (17 ms on a CLI run, against 6 ms for require).
    this.backend ??= new Promise<KeytarLike>((resolve) => resolve(createRequire(import.meta.url)('keytar') as KeytarLike));
    return this.backend.catch((error: unknown) => {
      this.backend = undefined;
      throw keychainError(error, operation, account);
    });
  }
}
