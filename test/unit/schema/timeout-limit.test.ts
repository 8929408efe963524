import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { ConnectionTarget, MAX_TIMEOUT_MS, Remote, Timeouts } from '../../../shared/model';
import { withConnectionOptions } from '../../../main/cli/connection-options';
import { buildAddDraft } from '../../../main/cli/commands/remotes-draft';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { checkForm, formFromRemote } from '../../../renderer/components/remote-form/form-model';

/**
 * setTimeout turns a delay over 2^31 − 1 ms into 1 ms, so such a timeout failed every request at
 * once while saying it had waited. Every way in refuses it, saying the limit.
 */
const TOO_LONG = MAX_TIMEOUT_MS + 1;

describe('a timeout longer than a timer can hold', () => {
  it('a connection refuses one over the limit, naming it; a saved remote reads it as the limit', () => {
    expect(Timeouts.parse({ connectMs: MAX_TIMEOUT_MS }).connectMs).toBe(MAX_TIMEOUT_MS);
    for (const key of ['connectMs', 'requestMs', 'maxTotalMs'] as const) {
      const parsed = Timeouts.safeParse({ [key]: TOO_LONG });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toContain(`at most ${MAX_TIMEOUT_MS} ms (about 24.8 days)`);
    }
    expect(ConnectionTarget.safeParse({ transport: 'streamable', url: 'http://127.0.0.1/mcp', timeouts: { requestMs: TOO_LONG } }).success).toBe(false);
    const remote = { id: 'r', name: 'r', transport: 'streamable', url: 'http://127.0.0.1/mcp', createdAt: 1, updatedAt: 1 };
    expect(Remote.safeParse({ ...remote, timeouts: { connectMs: MAX_TIMEOUT_MS } }).success).toBe(true);
    // A saved or imported one (older builds took any size) is read as the limit: the file stays usable.
    expect(Remote.parse({ ...remote, timeouts: { connectMs: TOO_LONG, requestMs: 1e15 } }).timeouts).toEqual({ connectMs: MAX_TIMEOUT_MS, requestMs: MAX_TIMEOUT_MS });
  });

  it('the CLI refuses --timeout, --connect-timeout and --request-timeout over it before connecting', async () => {
    const command = withConnectionOptions(new Command('ping').exitOverride().configureOutput({ writeErr: () => undefined }));
    await expect(command.parseAsync(['--timeout', String(TOO_LONG)], { from: 'user' })).rejects.toThrow(/is too long: give at most 2147483647 ms/);
    for (const option of ['connectTimeout', 'requestTimeout'] as const) {
      let error: unknown;
      try {
        buildAddDraft('r', 'http://127.0.0.1/mcp', { header: [], secret: [], secretEnv: [], removeEnv: [], removeHeader: [], renameHeader: [], clearSecret: [], arg: [], env: [], caFile: [], [option]: String(TOO_LONG) }, new Map());
      } catch (e) {
        error = e;
      }
      expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('is too long') });
    }
  });

  it('the remote editor marks the field, saying the limit', () => {
    const state = { ...formFromRemote(undefined), name: 'r', url: 'http://127.0.0.1/mcp', requestMs: String(TOO_LONG) };
    const check = checkForm(state);
    expect(check.input).toBeUndefined();
    expect(check.errors['timeouts.requestMs']).toEqual([expect.stringContaining(`at most ${MAX_TIMEOUT_MS} ms`)]);
    expect(checkForm({ ...state, requestMs: String(MAX_TIMEOUT_MS) }).input?.timeouts).toEqual({ requestMs: MAX_TIMEOUT_MS });
  });
});
