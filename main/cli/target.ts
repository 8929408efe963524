import type { ConnectionTargetInput, WireHeader } from '../../shared/model';
import { headerValueProblem, isValidHeaderName, looksLikeCredentialHeader, suggestEndpointUrl } from '../../shared/model/remote-rules';
import type { CommandReview } from '../../shared/model';
import { isPeriscopeError, PeriscopeError } from '../core/diagnostics/periscope-error';
import { askToRunCommand, notConfirmed } from './confirm-command';
import { parseEndpointUrl } from '../core/diagnostics/url';
import type { CliContext, ResolvedRemote, SavedRemoteAuth } from './cli-context';
import type { ConnectionOptions } from './connection-options';
import { eraTargetFields, overlayEra } from './protocol-era-options';

export type TargetOptions = Pick<
  ConnectionOptions,
  'transport' | 'header' | 'timeout' | 'ca' | 'insecure' | 'stdio' | 'stdioCommand' | 'env' | 'cwd' | 'dataDir' | 'protocolEra' | 'protocolVersion' | 'stopOnSessionExpiry' | 'maxMessageMb' | 'confirmCommand'
>;

/** A scheme followed by `//`: the user meant a URL, even a broken one. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Turns the command line into a connection target: a URL, a saved remote's name (through
 * ctx.lookupRemote) or a stdio command. Command-line headers, timeouts, TLS options and the
 * protocol era are laid over a saved remote's own. An era and a pinned version that disagree
 * are refused here (`invalid-input`), before anything is looked up or sent.
 */
export async function resolveTarget(
  arg: string | undefined,
  options: TargetOptions,
  ctx: Pick<CliContext, 'lookupRemote'> & Partial<Pick<CliContext, 'stdin' | 'stderr'>>,
): Promise<{ target: ConnectionTargetInput; label: string; instances?: string[]; saved?: SavedRemoteAuth }> {
  const era = eraTargetFields(options);
  if (options.stdio) {
    const stdio = stdioTarget(options);
    return { ...stdio, target: { ...stdio.target, ...era } };
  }
  if (arg === undefined || arg.trim() === '') {
    throw invalidInput('No server given.', 'Pass a URL (e.g. http://127.0.0.1:3000/mcp), a saved remote\'s name, or --stdio -- <command>.');
  }
  const overrides = commonOverrides(options);
  if (URL_LIKE.test(arg.trim())) {
    const url = parseEndpointUrl(arg.trim(), options.transport);
    return { target: { transport: options.transport, url: url.toString(), ...overrides, headers: overrides.headers, ...era }, label: url.toString() };
  }
  const saved = await lookupConfirming(arg, options, ctx);
  if (!saved) {
    // The same suggestion as the app's URL field (https:// unless the host is this computer).
    const suggestion = suggestEndpointUrl(arg, options.transport);
    throw new PeriscopeError({
      kind: 'invalid-url',
      message: `"${arg}" is neither a URL nor a saved remote.`,
      hint: suggestion
        ? `Write the URL in full, e.g. ${suggestion}, or list saved remotes with \`periscope remotes list\`.`
        : 'Give a full URL such as https://api.example.com/mcp, or one of the names from `periscope remotes list`.',
    });
  }
  const target = overlayEra(overlay(saved.target, options, overrides), options);
  return { target, label: saved.label, ...(saved.instances ? { instances: saved.instances } : {}), ...(saved.saved ? { saved: saved.saved } : {}) };
}

/**
 * The saved remote, asking first on a terminal when it is an imported stdio remote whose command
 * nobody confirmed (yes: confirmed for good; no: `needs-confirmation`). Without a terminal the
 * lookup's `needs-confirmation` error stands, unless --confirm-command was given.
 */
async function lookupConfirming(
  name: string,
  options: TargetOptions,
  ctx: Pick<CliContext, 'lookupRemote'> & Partial<Pick<CliContext, 'stdin' | 'stderr'>>,
): Promise<ResolvedRemote | undefined> {
  if (!ctx.lookupRemote) return undefined;
  const lookup = { dataDir: options.dataDir, confirmCommand: Boolean(options.confirmCommand) };
  try {
    return await ctx.lookupRemote(name, lookup);
  } catch (error) {
    if (!isPeriscopeError(error) || error.info.kind !== 'needs-confirmation' || !ctx.stdin || !ctx.stderr) throw error;
    const detail = error.info.detail as (CommandReview & { remoteName?: string }) | undefined;
    if (!detail) throw error;
    const remoteName = detail.remoteName ?? name;
    const yes = await askToRunCommand(remoteName, detail, ctx.stdin, ctx.stderr);
    if (yes === undefined) throw error;
    if (!yes) throw notConfirmed(remoteName);
    return ctx.lookupRemote(name, { ...lookup, confirmCommand: true });
  }
}

function overlay(saved: ConnectionTargetInput, options: TargetOptions, overrides: ReturnType<typeof commonOverrides>): ConnectionTargetInput {
  const target: ConnectionTargetInput = { ...saved };
  if (options.transport !== 'auto') target.transport = options.transport;
  // A header given on the command line replaces the saved one of the same name.
  const given = new Set(overrides.headers.map((h) => h.name.toLowerCase()));
  target.headers = [...(saved.headers ?? []).filter((h) => !given.has(h.name.toLowerCase())), ...overrides.headers];
  if (options.timeout !== undefined) target.timeouts = { ...saved.timeouts, ...overrides.timeouts };
  if (options.stopOnSessionExpiry) target.reinitializeOnSessionExpiry = false;
  if (overrides.maxMessageBytes) target.maxMessageBytes = overrides.maxMessageBytes;
  if (options.ca.length > 0 || options.insecure) {
    target.tls = {
      caFiles: [...(saved.tls?.caFiles ?? []), ...options.ca],
      acceptInvalidCertificates: Boolean(options.insecure || saved.tls?.acceptInvalidCertificates),
    };
  }
  return target;
}

function commonOverrides(options: TargetOptions) {
  const timeouts = options.timeout !== undefined
    ? { connectMs: options.timeout, requestMs: options.timeout, maxTotalMs: Math.max(600_000, options.timeout) }
    : undefined;
  return {
    headers: options.header.map(parseHeader),
    ...(timeouts ? { timeouts } : {}),
    tls: { caFiles: options.ca, acceptInvalidCertificates: Boolean(options.insecure) },
    ...(options.stopOnSessionExpiry ? { reinitializeOnSessionExpiry: false } : {}),
    ...(options.maxMessageMb ? { maxMessageBytes: Math.round(options.maxMessageMb * 1024 * 1024) } : {}),
  };
}

function stdioTarget(options: TargetOptions): { target: ConnectionTargetInput; label: string } {
  const [command, ...args] = options.stdioCommand ?? [];
  if (!command) {
    throw invalidInput('--stdio needs the server command after `--`.', 'For example: periscope tools --stdio -- node server.js');
  }
  const env: Record<string, string> = {};
  for (const pair of options.env) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw invalidInput(`--env "${pair}" is not KEY=value.`, 'Write it as --env NAME=value.');
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const timeouts = options.timeout !== undefined ? { connectMs: options.timeout, requestMs: options.timeout } : undefined;
  const target: ConnectionTargetInput = { transport: 'stdio', command, args, env, ...(timeouts ? { timeouts } : {}) };
  if (options.cwd) target.cwd = options.cwd;
  return { target, label: [command, ...args].join(' ') };
}

/** "Name: value" → a wire header; credential-looking names are flagged secret so they are masked. */
export function parseHeader(raw: string): WireHeader {
  const colon = raw.indexOf(':');
  const name = colon < 0 ? raw.trim() : raw.slice(0, colon).trim();
  if (colon < 0 || name === '') {
    throw invalidInput(`Header "${raw}" is not of the form "Name: value".`, 'Write it as -H "Authorization: Bearer <token>" (name, colon, value).');
  }
  if (!isValidHeaderName(name)) {
    // The same words as the app's editor: what is wrong with the name, not with the shape.
    throw invalidInput(`Header name "${name}" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only; no spaces or colons).`, 'Fix the name given to -H and run again.');
  }
  const value = raw.slice(colon + 1).trim();
  const problem = headerValueProblem(value);
  if (problem) throw invalidInput(`The value of header "${name}" ${problem}.`, 'Fix the value given to -H and run again.');
  return looksLikeCredentialHeader(name) ? { name, value, secret: true } : { name, value };
}

function invalidInput(message: string, hint: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint });
}
