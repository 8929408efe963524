import type { Remote } from '../../shared/model/remote';
import { looksLikeCredentialEnv } from '../../shared/model/remote-rules';
import { compactArguments } from './arguments-text';

/** One history entry as the command line repeats it. */
export interface CliCallInput {
  remote: Remote | undefined;
  /** The connection's URL; unused (and usually absent) for a stdio remote. */
  url: string | undefined;
  tool: string;
  argumentsText: string;
  asTask?: boolean;
  /** The call's own timeout in ms (the CLI's --timeout); absent: the default. */
  timeoutMs?: number;
}

/**
 * The same call as a `periscope` command line (README "The CLI"), or undefined when there is
 * nothing to point it at (no URL, a stdio remote without a command):
 * - over a URL: `periscope call <url> <tool> --args '<json>'` with the remote's headers,
 *   transport, TLS settings (--ca, --insecure) and era;
 * - over stdio: `periscope call --stdio <tool> --args '<json>' --env K=V --cwd DIR -- <command> <args...>`
 *   (everything after `--` is the server's command line, see main/cli/run-cli.ts).
 * Plus `--task` for a call run as a task and `--timeout <ms>` for the call's own timeout.
 * Secrets never reach the window, so a secret header or a credential-looking environment
 * variable stands as a placeholder the user fills in: `-H 'Authorization: <secret Authorization>'`,
 * `--env 'API_KEY=<secret API_KEY>'`. Every word is quoted for a POSIX shell.
 */
export function cliCallCommand(input: CliCallInput): string | undefined {
  const { remote } = input;
  if (remote?.transport === 'stdio') return remote.command ? stdioCommand(input, remote).join(' ') : undefined;
  if (!input.url) return undefined;
  const parts = ['periscope', 'call', quote(input.url), ...callWords(input)];
  for (const header of remote?.headers ?? []) {
    const value = header.is_secret ? `<secret ${header.name}>` : header.value;
    parts.push('-H', quote(`${header.name}: ${value}`));
  }
  if (remote && remote.transport !== 'auto') parts.push('--transport', remote.transport);
  // Without them the command fails where the app connects (a private CA, a self-signed certificate).
  for (const file of remote?.tls.caFiles ?? []) parts.push('--ca', quote(file));
  if (remote?.tls.acceptInvalidCertificates) parts.push('--insecure');
  parts.push(...eraWords(remote));
  return parts.join(' ');
}

function stdioCommand(input: CliCallInput, remote: Remote): string[] {
  const parts = ['periscope', 'call', '--stdio', ...callWords(input)];
  for (const [name, value] of Object.entries(remote.env)) {
    // A credential's value lives in the keychain: the window only has '' for it.
    parts.push('--env', quote(`${name}=${looksLikeCredentialEnv(name) ? `<secret ${name}>` : value}`));
  }
  if (remote.cwd) parts.push('--cwd', quote(remote.cwd));
  parts.push(...eraWords(remote));
  return [...parts, '--', quote(remote.command!), ...remote.args.map(quote)];
}

/** The tool, its arguments and the call's own options, the same for both kinds of remote. */
function callWords(input: CliCallInput): string[] {
  const words = [quote(input.tool), '--args', quote(compactOrAsIs(input.argumentsText))];
  if (input.asTask) words.push('--task');
  if (input.timeoutMs !== undefined) words.push('--timeout', String(input.timeoutMs));
  return words;
}

function eraWords(remote: Remote | undefined): string[] {
  if (remote?.protocolVersion) return ['--protocol-version', quote(remote.protocolVersion)];
  if (remote && remote.protocolEra !== 'auto') return ['--protocol-era', remote.protocolEra];
  return [];
}

function compactOrAsIs(text: string): string {
  try {
    return compactArguments(text);
  } catch {
    return text;
  }
}

/** One POSIX shell word: single quotes, each ' written as '\''. Plain words stay bare. */
export function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
