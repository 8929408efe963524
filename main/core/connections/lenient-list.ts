import { SdkError, SdkErrorCode, type RequestOptions } from '@modelcontextprotocol/client';
import { PromptSchema, ResourceSchema, ResourceTemplateSchema, ToolSchema } from '@modelcontextprotocol/core';
import * as z from 'zod';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { TracedTransport } from '../capture/traced-transport';
import type { LiveSession } from './connection-attempt';

export type { InvalidListItem } from '../../../shared/model/invalid-list-item';

/** The MCP list methods whose items are checked one by one, and the member holding the items. */
const LISTS = {
  'tools/list': { items: 'tools', schema: ToolSchema },
  'resources/list': { items: 'resources', schema: ResourceSchema },
  'resources/templates/list': { items: 'resourceTemplates', schema: ResourceTemplateSchema },
  'prompts/list': { items: 'prompts', schema: PromptSchema },
} as const;

export type ListMethod = keyof typeof LISTS;

/** As the SDK's own walk: a server whose cursors never end stops here. */
const MAX_PAGES = 64;

/** A page whose list is an array, whatever its items: what the SDK's schema checks item by item. */
const LOOSE_PAGE = z.looseObject({ nextCursor: z.string().optional() });

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
 * Rejects as the SDK does when a page itself is not a list (no array under the items' member),
 * when a page fails, or past 64 pages.
 */
export async function listLeniently(
  client: LiveSession['client'],
  method: ListMethod,
  params: Record<string, unknown> | undefined,
  options: RequestOptions,
): Promise<Record<string, unknown> & { invalid: InvalidListItem[] }> {
  const { items: member, schema } = LISTS[method];
  const pageSchema = LOOSE_PAGE.extend({ [member]: z.array(z.unknown()) });
  const all: unknown[] = [];
  let first: Record<string, unknown> | undefined;
  let cursor: string | undefined;
  for (let page = 0; page === 0 || cursor !== undefined; page++) {
    if (page >= MAX_PAGES) throw new SdkError(SdkErrorCode.ListPaginationExceeded, `${method}: exceeded ${MAX_PAGES} pages; the server's pagination did not end`, { method });
    const pageParams = cursor === undefined ? params : { ...params, cursor };
    const result = await rawPage(client, method, pageSchema, () => client.request({ method, ...(pageParams ? { params: pageParams } : {}) } as never, pageSchema, options));
    first ??= result;
    all.push(...(result[member] as unknown[]));
    cursor = result.nextCursor as string | undefined;
  }
  const valid: unknown[] = [];
  const invalid: InvalidListItem[] = [];
  all.forEach((item, index) => {
    const checked = schema.safeParse(item);
    if (checked.success) return void valid.push(item);
    const name = (item as { name?: unknown; uri?: unknown; uriTemplate?: unknown } | null) ?? {};
    const label = [name.name, name.uri, name.uriTemplate].find((value) => typeof value === 'string') as string | undefined;
    invalid.push({ index, ...(label !== undefined ? { name: label } : {}), problems: checked.error.issues.map(problemWords) });
  });
  const { nextCursor: _last, resultType: _lifted, ...rest } = first ?? {};
  return { ...rest, [member]: valid, invalid };
}

/**
 * One page as the server sent it. The 2025 era checks a result against the schema given (the loose
 * page); the 2026-07-28 era checks a list method's result against its own schema whatever is
 * given, so a refused page is read from the raw result the traced transport kept (ResultWatchers).
 */
async function rawPage(client: LiveSession['client'], method: ListMethod, pageSchema: z.ZodType, request: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const transport = client.transport;
  let raw: unknown;
  const stop = transport instanceof TracedTransport ? transport.results.watch(method, (result) => (raw = result)) : undefined;
  try {
    return (await request()) as Record<string, unknown>;
  } catch (error) {
    const page = raw === undefined || !isInvalidResult(error) ? undefined : pageSchema.safeParse(raw);
    if (!page?.success) throw error;
    return page.data as Record<string, unknown>;
  } finally {
    stop?.();
  }
}

/** One schema problem in words: `inputSchema.type: expected "object"` (zod's generic prefix dropped). */
function problemWords(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = issue.message.replace(/^Invalid input: /, '');
  return path ? `${path}: ${message}` : message;
}
