import { describe, expect, it } from 'vitest';
import { ConnectionOAuthProvider } from '../../../main/core/auth/connection-oauth-provider';
import { MemoryOAuthStore, oauthAccount, VaultOAuthStore, type OAuthStore } from '../../../main/core/auth/oauth-store';
import type { SecretVault } from '../../../main/core/secrets/secret-vault';

class MapVault implements SecretVault {
  readonly map = new Map<string, string>();
  async get(account: string) {
    return this.map.get(account);
  }
  async set(account: string, value: string) {
    this.map.set(account, value);
  }
  async delete(account: string) {
    return this.map.delete(account);
  }
  async list() {
    return [...this.map.keys()];
  }
}

const SERVER = 'https://mcp.example/mcp';

function provider(store: OAuthStore = new MemoryOAuthStore(), learned: string[] = [], notes: string[] = []) {
  return new ConnectionOAuthProvider({
    serverUrl: SERVER,
    settings: { grant: 'client_credentials', authorize: 'print', clientId: 'cid', clientSecret: 'client-secret-1234' },
    store,
    fetch,
    note: (line) => notes.push(line),
    learnSecret: (value) => value && learned.push(value),
  });
}

describe('the connection OAuth provider and its store', () => {
  it('keeps tokens per issuer, answers the last one without an issuer, and learns every secret first', async () => {
    const learned: string[] = [];
    const p = provider(new MemoryOAuthStore(), learned);
    expect(learned).toContain('client-secret-1234');
    await p.saveTokens({ access_token: 'at-one-123456', token_type: 'Bearer', refresh_token: 'rt-one-123456' }, { issuer: 'https://as-one' });
    await p.saveTokens({ access_token: 'at-two-123456', token_type: 'Bearer' }, { issuer: 'https://as-two' });
    expect((await p.tokens())?.access_token).toBe('at-two-123456');
    expect((await p.tokens({ issuer: 'https://as-one' }))?.refresh_token).toBe('rt-one-123456');
    expect(learned).toEqual(expect.arrayContaining(['at-one-123456', 'rt-one-123456', 'at-two-123456']));
  });

  it('a new access token without a refresh token keeps the refresh token it had (RFC 6749 section 6)', async () => {
    const p = provider();
    await p.saveTokens({ access_token: 'at-1-123456', token_type: 'Bearer', refresh_token: 'rt-1-123456' }, { issuer: 'https://as' });
    await p.saveTokens({ access_token: 'at-2-123456', token_type: 'Bearer' }, { issuer: 'https://as' });
    expect(await p.tokens({ issuer: 'https://as' })).toMatchObject({ access_token: 'at-2-123456', refresh_token: 'rt-1-123456' });
  });

  it('the keychain store writes one JSON secret per server URL, and a second provider reads it back', async () => {
    const vault = new MapVault();
    await provider(new VaultOAuthStore(vault)).saveTokens({ access_token: 'kept-123456', token_type: 'Bearer' }, { issuer: 'https://as' });
    expect([...vault.map.keys()]).toEqual([oauthAccount(SERVER)]);
    expect((await provider(new VaultOAuthStore(vault)).tokens())?.access_token).toBe('kept-123456');
  });

  it('a keychain that cannot be read is said once, when there is something to keep; the flow goes on in memory', async () => {
    const broken: SecretVault = { get: () => Promise.reject(new Error('keychain locked')), set: () => Promise.reject(new Error('keychain locked')), delete: async () => false, list: async () => [] };
    const notes: string[] = [];
    const p = provider(new VaultOAuthStore(broken), [], notes);
    expect(await p.tokens()).toBeUndefined();
    expect(notes).toEqual([]);
    await p.saveTokens({ access_token: 'mem-123456', token_type: 'Bearer' }, { issuer: 'https://as' });
    expect(notes).toEqual([expect.stringMatching(/memory only.*keychain locked/)]);
    expect((await p.tokens())?.access_token).toBe('mem-123456');
  });

  it('client_credentials asks for that grant with the scope, and has no redirect', async () => {
    const p = provider();
    expect(p.redirectUrl).toBeUndefined();
    expect((await p.prepareTokenRequest('mcp:tools'))?.toString()).toBe('grant_type=client_credentials&scope=mcp%3Atools');
    expect(await p.clientInformation()).toEqual({ client_id: 'cid', client_secret: 'client-secret-1234' });
  });
});
