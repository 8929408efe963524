import { describe, expect, it } from 'vitest';
import { promoteCredentialHeaders } from '../../../main/core/remotes/header-secrets';
import { checkForm, formFromRemote, newHeaderRow, type RemoteFormState } from '../../../renderer/components/remote-form/form-model';

/**
 * The editor ticks Secret for a header whose name looks like a credential, because main saves it
 * as secret whatever the form sends. The two must agree on every name, or the form would show one
 * thing and save another: main may never have to promote a header the form sent.
 */
const NAMES = ['Authorization', 'authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie', 'X-API-Key', 'X-Api_Key', 'apikey', 'X-Auth-Token', 'X-Auth', 'Token', 'X-Client-Secret', 'X-Password', 'X-Session-Id', 'X-Credential', ' Authorization ', 'X-Team', 'Accept', 'Mcp-Session', 'X-Request-Id', 'User-Agent', 'X-Authorized-By'];

function formWith(name: string, secret: boolean): RemoteFormState {
  const state = formFromRemote(undefined);
  return { ...state, name: 'r', transport: 'streamable', url: 'https://api.example.com/mcp', headers: [{ ...newHeaderRow(), name, value: 'v', secret }] };
}

describe('the editor marks a header secret exactly when main would', () => {
  for (const name of NAMES) {
    it(`"${name}"`, () => {
      const { input } = checkForm(formWith(name, false));
      expect(input, name).toBeDefined();
      const sent = input!.headers!.map((h) => ({ ...h, description: h.description ?? '', is_required: h.is_required ?? false, is_secret: h.is_secret ?? false }));
      const { headers, warnings } = promoteCredentialHeaders(sent);
      expect(warnings).toEqual([]);
      expect(headers[0].is_secret).toBe(sent[0].is_secret);
    });
  }

  it('keeps a header ticked by hand secret, whatever its name', () => {
    expect(checkForm(formWith('X-Team', true)).input!.headers![0].is_secret).toBe(true);
    expect(checkForm(formWith('X-Team', false)).input!.headers![0].is_secret).toBe(false);
    expect(checkForm(formWith('X-API-Key', false)).input!.headers![0].is_secret).toBe(true);
  });
});
