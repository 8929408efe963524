import { invalidItemWords, type InvalidListItem } from '../../shared/model/invalid-list-item';
import type { CommandContext } from './command-context';

/**
 * One warning on stderr for each item of a list the server sent that breaks the MCP schema (see
 * listLeniently): the list printed is the rest, and the exit code stays 0, since the items that
 * are valid can be used. Nothing when every item was valid.
 */
export function warnInvalid(cctx: CommandContext, kind: Parameters<typeof invalidItemWords>[0], invalid: InvalidListItem[] | undefined): void {
  for (const item of invalid ?? []) cctx.out.note(`warning: ${invalidItemWords(kind, item)}`);
}
