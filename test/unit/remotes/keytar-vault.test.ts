import { describe, expect, it } from 'vitest';
import { KeytarVault, type KeytarLike } from '../../../main/core/secrets/keytar-vault';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const failing = (message: string): KeytarLike => {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
};

async function infoOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('KeytarVault errors', () => {
  it('turns a missing Secret Service into a keychain error that keeps the system message', async () => {
    const vault = new KeytarVault({ keytar: failing('The name org.freedesktop.secrets was not provided by any .service files') });
    const info = await infoOf(vault.set('r1:Authorization', 'v'));
    expect(info.kind).toBe('keychain');
    expect(info.message).toBe('Could not store the secret "r1:Authorization" in the system keychain: The name org.freedesktop.secrets was not provided by any .service files');
    expect(info.hint).toMatch(/never stored in plain text/);
    expect(info.detail).toMatchObject({ operation: 'store' });
  });

  it('says to unlock a locked keychain', async () => {
    const vault = new KeytarVault({ keytar: failing('Cannot create an item in a locked collection') });
    const info = await infoOf(vault.get('r1:Authorization'));
    expect(info.kind).toBe('keychain');
    expect(info.hint).toContain('Unlock it');
  });

  it('maps list and delete failures too', async () => {
    const vault = new KeytarVault({ keytar: failing('boom') });
    expect((await infoOf(vault.list())).message).toBe('Could not list the secrets in the system keychain: boom');
    expect((await infoOf(vault.delete('a:b'))).kind).toBe('keychain');
  });

  it('uses the mcp-periscope service and returns undefined for a missing entry', async () => {
    const calls: string[] = [];
    const fake: KeytarLike = {
      getPassword: async (service, account) => (calls.push(`${service}/${account}`), null),
      setPassword: async () => undefined,
      deletePassword: async () => true,
      findCredentials: async () => [{ account: 'r:A', password: 'x' }],
    };
    const vault = new KeytarVault({ keytar: fake });
    expect(await vault.get('r:A')).toBeUndefined();
    expect(calls).toEqual(['mcp-periscope/r:A']);
    expect(await vault.list()).toEqual(['r:A']);
  });
});
