import { invalidItemWords, type InvalidItemKind, type InvalidListItem } from '../../shared/model/invalid-list-item';
import type { CommandContext } from './command-context';

/**
 * A warning on stderr for each item (the first ten) of a list the server sent that breaks the MCP
 * schema (see listLeniently): the list printed is the rest, and the exit code stays 0, since the
 * items that are valid can be used. Nothing when every item was valid.
 */
export function warnInvalid(cctx: CommandContext, kind: InvalidItemKind, invalid: InvalidListItem[] | undefined): void {
  for (const line of invalidWarnings(kind, invalid)) cctx.out.note(line);
}

/** Past this many, one line counts the rest: a server may list hundreds of broken items. */
const WARNINGS_SHOWN = 10;

/** The warning lines for a list's invalid items: the first ten, then how many more (`--json` has them all). */
export function invalidWarnings(kind: InvalidItemKind, invalid: InvalidListItem[] | undefined): string[] {
  const items = invalid ?? [];
  const lines = items.slice(0, WARNINGS_SHOWN).map((item) => `warning: ${invalidItemWords(kind, item)}`);
  const more = items.length - WARNINGS_SHOWN;
  if (more > 0) lines.push(`warning: …and ${more} more ${kind}${more === 1 ? '' : 's'} that break the MCP schema (--json lists them all)`);
  return lines;
}

/**
 * A listing command's output: `--json` gets the list with its invalid items under `invalidKey`
 * (`invalidTools`), the terminal gets the warnings, then the valid items as `format` writes them,
 * or a line saying none is valid when every item was left out.
 */
export function printListing<T>(
  cctx: CommandContext,
  kind: InvalidItemKind,
  invalidKey: string,
  listed: { invalid?: InvalidListItem[] },
  items: T[],
  format: (items: T[]) => string[],
): void {
  const { invalid, ...listing } = listed;
  cctx.out.data({ ...listing, ...(invalid ? { [invalidKey]: invalid } : {}) });
  warnInvalid(cctx, kind, invalid);
  if (items.length === 0 && invalid?.length) cctx.out.line(`(no valid ${kind}s: see the warnings)`);
  else for (const line of format(items)) cctx.out.line(line);
}
