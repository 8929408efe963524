import type { SecretVault } from '../../../main/core/secrets/secret-vault';

/** A vault for unit tests only: the product has no plain-memory or plain-text backend. */
export class MemoryVault implements SecretVault {
  readonly entries = new Map<string, string>();
  /** Makes the next calls fail, as a locked keychain would. */
  failWith: Error | undefined;

  async get(account: string): Promise<string | undefined> {
    this.maybeFail();
    return this.entries.get(account);
  }
  async set(account: string, value: string): Promise<void> {
    this.maybeFail();
    this.entries.set(account, value);
  }
  async delete(account: string): Promise<boolean> {
    this.maybeFail();
    return this.entries.delete(account);
  }
  async list(): Promise<string[]> {
    this.maybeFail();
    return [...this.entries.keys()];
  }
  private maybeFail(): void {
    if (this.failWith) throw this.failWith;
  }
}
