import { describe, expect, it } from 'vitest';
import keytar from 'keytar';

describe('private test keychain', () => {
  it('stores, reads and deletes a secret through keytar', async () => {
    const service = 'mcp-periscope-smoke';
    await keytar.setPassword(service, 'acct', 's3cret-value');
    expect(await keytar.getPassword(service, 'acct')).toBe('s3cret-value');
    expect(await keytar.deletePassword(service, 'acct')).toBe(true);
    expect(await keytar.getPassword(service, 'acct')).toBeNull();
    expect(process.env.PERISCOPE_TEST_KEYRING).toBe('1');
  });
});
