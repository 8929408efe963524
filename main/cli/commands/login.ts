import type { Command } from 'commander';
import { monoNow } from '../../core/capture/clock';
import { createRecordingFetch } from '../../core/capture/recording-fetch';
import { redactorForTarget } from '../../core/capture/redaction';
import { formatTraceLine } from '../../core/capture/trace-format';
import { TraceBus } from '../../core/capture/trace-bus';
import { logout } from '../../core/auth/revoke-tokens';
import { MemoryOAuthStore } from '../../core/auth/oauth-store';
import { tokenStoreFor } from '../auth-options';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { KeytarVault } from '../../core/secrets/keytar-vault';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { withConnectionOptions } from '../connection-options';
import { resolveTarget } from '../target';
import { noExtra } from './connect';

/**
 * `periscope login <remote|url>`: connects, authorizing with OAuth when the server asks (a 401
 * challenge), so the tokens are kept for later commands. `periscope logout <remote|url>`:
 * revokes the kept tokens where the authorization server offers revocation (RFC 7009), then
 * forgets them.
 */
export function registerLoginCommands(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('login').argument('[target]', TARGET_HELP).usage('[options] <url|remote>').description('authorize with the server (OAuth) and keep the tokens for later commands'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    if (options.oauth === false) throw new PeriscopeError({ kind: 'invalid-input', message: 'login with --no-oauth has nothing to do.', hint: 'Leave out --no-oauth.' });
    await withConnection(cctx, cctx.out, target, options, async (_connection, info) => {
      const where = options.tokenStore === 'memory' ? 'in memory only (--token-store memory): nothing was kept' : 'in the system keychain';
      cctx.out.data({ loggedIn: true, server: info.url ?? info.label, tokenStore: options.tokenStore ?? 'keychain' });
      cctx.out.line(`Connected to ${info.serverInfo?.name ?? info.label}; any OAuth tokens are kept ${where}.`);
    });
  });

  withConnectionOptions(
    program.command('logout').argument('[target]', TARGET_HELP).usage('[options] <url|remote>').description('revoke the OAuth tokens kept for a server (where it offers revocation) and forget them'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target: arg, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    const { target, saved } = await resolveTarget(arg, options, cctx);
    if (!target.url) throw new PeriscopeError({ kind: 'invalid-input', message: 'logout needs an HTTP server (a URL or a saved remote with one).', hint: 'Give the server\'s URL.' });
    const redactor = redactorForTarget(target);
    cctx.out.addMasker(redactor);
    const bus = new TraceBus('logout', redactor);
    const start = monoNow();
    if (options.trace) bus.subscribe((entry) => cctx.out.note(formatTraceLine(entry, start)));
    // A saved remote's tokens are kept under the remote (shared with the app), a URL's under the URL.
    const store = options.tokenStore === 'memory' ? new MemoryOAuthStore() : tokenStoreFor(new KeytarVault(), saved);
    const fetchFn = createRecordingFetch(bus, redactor);
    const { found, outcomes } = await logout(target.url, store, fetchFn, (value) => value && redactor.addSecretValue(value));
    // The last exchange's trace line before the words about it (see LaterWork).
    bus.settle();
    cctx.out.data({ loggedOut: found, server: redactor.url(target.url, { learn: false }), revocations: outcomes });
    if (!found) return void cctx.out.line(`No OAuth tokens were kept for ${redactor.url(target.url, { learn: false })}; nothing to do.`);
    for (const outcome of outcomes) {
      const words = outcome.result === 'revoked' ? 'revoked' : outcome.result === 'unsupported' ? 'not revoked: the server offers no revocation endpoint (they expire on their own)' : `not revoked: ${outcome.problem}`;
      cctx.out.line(`${outcome.issuer}: tokens ${words}`);
    }
    cctx.out.line('Forgot the tokens kept for this server.');
  });
}
