import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import type { LiveSession } from './connection-attempt';
import { collectSdkWarnings, printSdkWarning } from './sdk-warnings';

/**
 * Tools the client library leaves out of a 2026-07-28 `tools/list` because their `x-mcp-header`
 * declarations break the spec's rules (MCP 2026-07-28, Streamable HTTP, "Schema Extension",
 * SEP-2243: a client MUST exclude such a tool and SHOULD warn naming it and the reason). The
 * library says so only in a warning; these are the same tools as list items left out, so the app
 * and the CLI name them like any other invalid tool instead of the tool silently missing.
 */

/** The library's words (client 2.4): `excluding tool '<name>' from tools/list: invalid x-mcp-header declaration — <reason>`. */
const EXCLUDED = /^excluding tool '([\s\S]*?)' from tools\/list: invalid x-mcp-header declaration \u2014 ([\s\S]*)$/;

/**
 * Runs a tools listing, and returns it with the tools the library excluded for their header
 * declarations, from its warnings made meanwhile (any other warning is printed as usual).
 * Their position in the server's list is not known (the library drops them before handing the
 * list over), so `index` is left out.
 */
export async function listNamingExclusions<T>(list: () => Promise<T>): Promise<{ value: T; excluded: InvalidListItem[] }> {
  const { value, warnings } = await collectSdkWarnings(list);
  return { value, excluded: exclusionsIn(warnings) };
}

/**
 * The exclusions among the library's warnings, each once (a listing sent again after a lost
 * session warns again); any other warning is printed as it would have been (escaped).
 */
export function exclusionsIn(warnings: string[]): InvalidListItem[] {
  const excluded = new Map<string, InvalidListItem>();
  for (const warning of warnings) {
    const match = EXCLUDED.exec(warning);
    if (match) excluded.set(warning, { name: match[1]!, problems: [`invalid x-mcp-header declaration: ${match[2]!}`] });
    else printSdkWarning(warning);
  }
  return [...excluded.values()];
}

/**
 * The same exclusion for a list read item by item (lenient-list.ts), which the library never
 * filtered: its own exclusion step applied to the result, in place (run it inside
 * listNamingExclusions to learn which tools went). That step is not public API; a library without
 * it leaves the list as it is (a test names the method, so an upgrade that drops it fails there).
 */
export function excludeInvalidHeaderDeclarations(client: LiveSession['client'], result: { tools: unknown[] }): void {
  const step = (client as unknown as { _excludeInvalidXMcpHeaderTools?: (result: { tools: unknown[] }) => void })._excludeInvalidXMcpHeaderTools;
  if (typeof step === 'function') step.call(client, result);
}
