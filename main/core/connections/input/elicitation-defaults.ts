import type { ElicitRequestParams, ElicitResult } from '@modelcontextprotocol/client';

/** What `--elicitation accept-defaults` answers, and a line for stderr when it did not accept. */
export interface DefaultsAnswer {
  result: ElicitResult;
  /** Why the request was declined (a required field without a default, a URL to open). */
  note?: string;
}

type FormProperty = { default?: unknown };

/**
 * The `--elicitation accept-defaults` answer to an elicitation request (MCP specification
 * 2025-11-25 and 2026-07-28, client/elicitation; SEP-1034 "default values for all primitive
 * types"). The same answer serves a 2025 `elicitation/create` request and a 2026-07-28
 * `input_required` round.
 * - Form mode: `{ action: 'accept', content: { [property]: its default } }` for every property of
 *   `requestedSchema` that declares a `default` (string, number, integer, boolean, single- and
 *   multi-select enum alike); properties without one are left out. When a `required` property
 *   has no default, nothing honest can be sent: `{ action: 'decline' }`, and the note says which.
 * - URL mode (`mode: 'url'`): a command cannot open a browser for the user, so `decline`, and the
 *   note carries the URL so the user can open it themselves.
 */
export function acceptDefaults(params: ElicitRequestParams): DefaultsAnswer {
  if (params.mode === 'url') {
    const url = 'url' in params ? String(params.url) : '(no URL given)';
    return {
      result: { action: 'decline' },
      note: `--elicitation accept-defaults declined a URL-mode elicitation (${printable(params.message)}); open it yourself if you trust it: ${printable(url)}`,
    };
  }
  const schema = 'requestedSchema' in params ? params.requestedSchema : undefined;
  const properties = (schema?.properties ?? {}) as Record<string, FormProperty>;
  const content: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property && property.default !== undefined) content[name] = property.default;
  }
  const missing = (schema?.required ?? []).filter((name) => !(name in content));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${printable(name)}"`).join(', ');
    return {
      result: { action: 'decline' },
      note: `--elicitation accept-defaults declined "${printable(params.message)}": required field${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'have' : 'has'} no default value.`,
    };
  }
  return { result: { action: 'accept', content: content as NonNullable<ElicitResult['content']> } };
}

/** Server-supplied text on our terminal: one line, no control characters (no escape sequences). */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
