import { SdkError, SdkErrorCode, type RequestOptions } from '@modelcontextprotocol/client';
import {
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListToolsResultSchema,
  PromptSchema,
  ResourceSchema,
  ResourceTemplateSchema,
  ToolSchema,
} from '@modelcontextprotocol/core';
import * as z from 'zod';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import type { LiveSession } from './connection-attempt';
import { requestWithDecoder } from './era/sdk-request-funnel';

export type { InvalidListItem } from '../../../shared/model/invalid-list-item';

/** The MCP list methods whose items are checked one by one, and the member holding the items. */
const LISTS = {
  'tools/list': { items: 'tools', item: ToolSchema, page: ListToolsResultSchema },
  'resources/list': { items: 'resources', item: ResourceSchema, page: ListResourcesResultSchema },
  'resources/templates/list': { items: 'resourceTemplates', item: ResourceTemplateSchema, page: ListResourceTemplatesResultSchema },
  'prompts/list': { items: 'prompts', item: PromptSchema, page: ListPromptsResultSchema },
} as const;

export type ListMethod = keyof typeof LISTS;

/** As the SDK's own walk: a server whose cursors never end stops here. */
const MAX_PAGES = 64;

/**
 * True when the SDK refused a list's result as not matching the MCP schema (SdkError
 * INVALID_RESULT): one bad item is enough for the SDK to refuse the whole list.
 */
export function isInvalidResult(error: unknown): boolean {
  return error instanceof SdkError && error.code === SdkErrorCode.InvalidResult;
}

/**
 * Lists every page of `method` with each item checked on its own against the MCP schema (the
 * SDK's Tool, Resource, ResourceTemplate or Prompt schema): the items that pass are returned as
 * the list, and each one that does not is named in `invalid` with its position (0-based, over all
 * pages), its name when it has one, and each problem as `path: message`. Used once the SDK has
 * refused the whole list, so a server with one broken tool still shows the others.
 *
 * Only the items are forgiven: each page, its invalid items taken out, is still decoded and
 * checked as the SDK checks it (2026-07-28: `resultType`, cache fields; a `tools` that is not an
 * array), and a page that fails that rejects as the SDK does; so do a failing request and more
 * than 64 pages.
 */
export async function listLeniently(
  client: LiveSession['client'],
  method: ListMethod,
  params: Record<string, unknown> | undefined,
  options: RequestOptions,
): Promise<Record<string, unknown> & { invalid: InvalidListItem[] }> {
  const { items: member, item, page: pageSchema } = LISTS[method];
  const all: unknown[] = [];
  const invalid: InvalidListItem[] = [];
  /** Items the server sent on the pages before this one, valid or not: where this page's positions start. */
  let sentBefore = 0;
  let first: Record<string, unknown> | undefined;
  let cursor: string | undefined;
  for (let page = 0; page === 0 || cursor !== undefined; page++) {
    if (page >= MAX_PAGES) throw new SdkError(SdkErrorCode.ListPaginationExceeded, `${method}: exceeded ${MAX_PAGES} pages; the server's pagination did not end`, { method });
    const pageParams = cursor === undefined ? params : { ...params, cursor };
    const request = { method, ...(pageParams ? { params: pageParams } : {}) };
    let sentHere = 0;
    const sent = requestWithDecoder(client, request, pageSchema, options, (raw, decode) => {
      const checked = withoutInvalid(raw, member, item, sentBefore, invalid);
      sentHere = checked.sent;
      return decode(checked.page);
    });
    if (!sent) throw new SdkError(SdkErrorCode.InvalidResult, `${method}: the list holds items that break the MCP schema, and this build cannot read it item by item`, { method });
    const result = (await sent) as Record<string, unknown>;
    first ??= result;
    all.push(...(result[member] as unknown[]));
    sentBefore += sentHere;
    cursor = result.nextCursor as string | undefined;
  }
  const { nextCursor: _last, ...rest } = first ?? {};
  return { ...rest, [member]: all, invalid };
}

/**
 * The raw page with the items that break `item` taken out, each noted in `invalid` with its
 * position counted from `offset`, and how many items the page sent. Anything that is not a page
 * with an array of items is left as sent, for the SDK to refuse.
 */
function withoutInvalid(raw: unknown, member: string, item: z.ZodType, offset: number, invalid: InvalidListItem[]): { page: unknown; sent: number } {
  const items = (raw as Record<string, unknown> | null)?.[member];
  if (!Array.isArray(items)) return { page: raw, sent: 0 };
  const valid = items.filter((candidate, i) => {
    const checked = item.safeParse(candidate);
    if (checked.success) return true;
    const named = (candidate ?? {}) as { name?: unknown; uri?: unknown; uriTemplate?: unknown };
    const label = [named.name, named.uri, named.uriTemplate].find((value) => typeof value === 'string') as string | undefined;
    invalid.push({ index: offset + i, ...(label !== undefined ? { name: label } : {}), problems: checked.error.issues.map(problemWords) });
    return false;
  });
  return { page: { ...(raw as Record<string, unknown>), [member]: valid }, sent: items.length };
}

/**
 * One schema problem in words: `inputSchema.type: expected "object"`, `name: missing (expected
 * string)`; zod's generic prefix is dropped and "received undefined" said as missing.
 */
function problemWords(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = issue.message.replace(/^Invalid input: /, '').replace(/^expected (.+), received undefined$/, 'missing (expected $1)');
  return path ? `${path}: ${message}` : message;
}
