import { cutText } from '../text/cut-text';

/**
 * An item of a server's list (a tool, resource, resource template or prompt) that does not match
 * the MCP schema, left out of the list so the others still show.
 */
export interface InvalidListItem {
  /**
   * Its position in the whole list as the server sent it, 0-based over every page; absent when not
   * known (a tool the client library left out for its x-mcp-header declarations).
   */
  index?: number;
  /** Its `name` (or `uri`, `uriTemplate`), when it has one as a string. */
  name?: string;
  /** Each way it breaks the schema: `path: message`, e.g. `inputSchema.type: expected "object"`. */
  problems: string[];
}

/**
 * One invalid item in words, for the CLI's warnings and the window's notice:
 * `tool #2 "bad" breaks the MCP schema and is left out: inputSchema.type: expected "object"`.
 */
/** What a list holds, in the singular words the warnings use. */
export type InvalidItemKind = 'tool' | 'resource' | 'resource template' | 'prompt';

export function invalidItemWords(kind: InvalidItemKind, item: InvalidListItem): string {
  // Quoted as JSON: a name is the server's text, and a line break in it must not start a line of ours.
  const name = item.name !== undefined ? ` ${JSON.stringify(cutText(item.name, NAME_SHOWN_CHARS))}` : '';
  const position = item.index !== undefined ? ` #${item.index + 1}` : '';
  return `${kind}${position}${name} breaks the MCP schema and is left out: ${item.problems.join('; ')}`;
}

/** Longer names are cut where they are written in words (a server may send 10,000 characters). */
const NAME_SHOWN_CHARS = 80;
