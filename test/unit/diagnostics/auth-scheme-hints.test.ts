import { describe, expect, it } from 'vitest';
import { cliHint } from '../../../main/cli/fix-options';
import { classifyHttpResponse } from '../../../main/core/diagnostics/classify-http';

// Whatever scheme a 401 or 403 asks for, the plain hint and the CLI's -H option propose the same
// credentials; the app's button stays "Set the Authorization header" (or "Change" on a 403).
const schemes: Array<[challenge: string, credentials: string]> = [
  ['Basic realm="corp"', 'Basic <base64 of user:password>'],
  ['basic realm="corp"', 'Basic <base64 of user:password>'],
  ['Negotiate, NTLM', 'Negotiate <credentials>'],
  ['NTLM', 'NTLM <credentials>'],
  ['Digest realm="x", nonce="n"', 'Digest <credentials>'],
  ['Bearer realm="team"', 'Bearer <token>'],
  ['DPoP algs="ES256"', 'DPoP <token>'],
  ['Basic realm="a", Bearer realm="b"', 'Bearer <token>'],
];

describe('Authorization hints follow the scheme the server asks for', () => {
  for (const [challenge, credentials] of schemes) {
    for (const sentAuthorization of [false, true]) {
      it(`${challenge} (${sentAuthorization ? 'a Bearer token sent' : 'nothing sent'})`, () => {
        const info = classifyHttpResponse({ status: 401, headers: { 'www-authenticate': challenge }, sentAuthorization })!;
        const hint = cliHint(info);
        expect(hint).toContain(`-H 'Authorization: ${credentials}'`);
        expect(info.fixes?.[0]?.label).toBe('Set the Authorization header');
        // Never the Bearer template for a server that did not ask for Bearer.
        if (!credentials.startsWith('Bearer')) expect(hint).not.toContain('Bearer');
      });
    }
  }

  it('a 403 asking for another scheme: the option proposes that scheme', () => {
    const info = classifyHttpResponse({ status: 403, headers: { 'www-authenticate': 'Basic realm="corp"' } })!;
    expect(cliHint(info)).toContain("-H 'Authorization: Basic <base64 of user:password>'");
    expect(info.fixes?.[0]?.label).toBe('Change the Authorization header');
  });

  it('no challenge at all: Bearer, what MCP servers use', () => {
    expect(cliHint(classifyHttpResponse({ status: 401, headers: {} })!)).toContain("-H 'Authorization: Bearer <token>'");
  });
});
