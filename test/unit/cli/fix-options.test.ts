import { describe, expect, it } from 'vitest';
import { cliFixText, cliHint } from '../../../main/cli/fix-options';
import { RemoteFixField, SessionFixField, type ErrorInfo, type FixField } from '../../../shared/model/error-info';

const info = (fields: FixField[], over: Partial<ErrorInfo> = {}): ErrorInfo => ({
  kind: 'timeout',
  message: 'Timed out',
  hint: 'raise the request timeout',
  fixes: fields.map((field) => ({ field, label: 'Fix it' })),
  ...over,
});

describe('the CLI words fix targets as its own options', () => {
  it('has an option for every fix field (remote fields and session settings)', () => {
    for (const field of [...RemoteFixField.options, ...SessionFixField.options]) {
      expect(cliFixText(info([field])), field).toMatch(/--|-H|periscope |URL/);
    }
  });

  it('appends the options to the plain hint', () => {
    expect(cliHint(info(['timeouts.requestMs']))).toBe('raise the request timeout (--timeout <ms>)');
    expect(cliHint(info(['tls.caFiles', 'tls.acceptInvalidCertificates']))).toBe('raise the request timeout (--ca <file> or --insecure)');
    expect(cliHint(info(['header:X-API-Key']))).toContain("-H 'X-API-Key: <value>'");
    expect(cliHint({ ...info([]), fixes: [{ field: 'transport', label: 'Use SSE', value: 'sse' }] })).toContain('--transport sse');
  });

  it('leaves a hint without fixes as it is', () => {
    expect(cliHint({ kind: 'refused', message: 'refused', hint: 'start the server' })).toBe('start the server');
  });

  it('turns a saved remote’s missing secrets into the one command that sets them', () => {
    const missing = info(['header:Authorization', 'header:X-API-Key'], { kind: 'missing-secret', detail: { remoteName: 'staging api' } });
    expect(cliHint(missing)).toContain("periscope remotes edit 'staging api' --secret Authorization --secret X-API-Key");
  });

  it('names the confirm command for an imported stdio remote, with the remote\'s name', () => {
    const unconfirmed = info(['confirm-command'], { kind: 'needs-confirmation', hint: 'confirm it', detail: { remoteName: 'local tools' } });
    expect(cliHint(unconfirmed)).toBe("confirm it (periscope remotes confirm 'local tools', or --confirm-command on this command)");
  });
});
