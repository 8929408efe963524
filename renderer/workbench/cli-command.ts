import type { Remote } from '../../shared/model/remote';
import { compactArguments } from './arguments-text';

/**
 * The same call as a `periscope` command line (README "The CLI"):
 * `periscope call <url> <tool> --args '<json>'` (and `--task` for a call run as a task), with the
 * remote's headers, transport and era.
 * A secret header's value never reaches the window, so it stands as a placeholder the user
 * fills in: `-H 'Authorization: <secret Authorization>'`. Undefined for a stdio remote (its
 * command and environment are not a URL to call).
 */
export function cliCallCommand(input: { remote: Remote | undefined; url: string | undefined; tool: string; argumentsText: string; asTask?: boolean }): string | undefined {
  const { remote, url, tool } = input;
  if (!url || remote?.transport === 'stdio') return undefined;
  const parts = ['periscope', 'call', quote(url), quote(tool), '--args', quote(compactOrAsIs(input.argumentsText))];
  if (input.asTask) parts.push('--task');
  for (const header of remote?.headers ?? []) {
    const value = header.is_secret ? `<secret ${header.name}>` : header.value;
    parts.push('-H', quote(`${header.name}: ${value}`));
  }
  if (remote && remote.transport !== 'auto') parts.push('--transport', remote.transport);
  if (remote?.protocolVersion) parts.push('--protocol-version', quote(remote.protocolVersion));
  else if (remote && remote.protocolEra !== 'auto') parts.push('--protocol-era', remote.protocolEra);
  return parts.join(' ');
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
