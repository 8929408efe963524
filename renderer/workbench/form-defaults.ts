import type { RJSFSchema } from '@rjsf/utils';
import { isNode, resolveLocal, type SchemaNode } from '../../shared/schema/local-ref';
import { setOwn } from '../../shared/json/own-property';

/**
 * How a server's elicitation form fills in values nobody typed: rjsf's defaults, but not the first
 * value of a titled single-select (a `oneOf` of `const`s), which would be chosen for the user.
 */
export const FORM_DEFAULTS = { constAsDefaults: 'skipOneOf' } as const;

/**
 * The tool form fills in nothing by itself: it starts from schemaDefaults and shows what it is
 * given. rjsf's own default-filling runs on every render and went further than the schema: it
 * created an optional object for a default declared inside it (whose other required fields then
 * blocked the call), chose an object alternative of an optional parameter and built its required
 * members (`{"external": {}}`, `{"content_updates": []}`), and set `false`, `[]`, `{}` or `[null]`
 * for required parameters nobody had filled in (sent as if chosen, or hiding "is required").
 */
export const TOOL_FORM_DEFAULTS = { constAsDefaults: 'skipOneOf', emptyObjectFields: 'skipDefaults', arrayMinItems: { populate: 'never' } } as const;

/** Deeper than any real tool schema; stops a `$ref` loop of required objects. */
const MAX_DEPTH = 32;

/**
 * The arguments a tool's form starts with, from its inputSchema: every parameter's declared
 * `default` or lone `const` (its only value), and inside a required object the same again.
 * Nothing else: an optional object, a choice, a boolean, an array are left out until the user
 * fills them in. Local `$ref`s resolve against the schema (see local-ref.ts). Always an object
 * (`{}` when nothing is declared).
 */
export function schemaDefaults(schema: RJSFSchema): unknown {
  const values = isNode(schema) ? declared(schema, schema, true, 0) : undefined;
  return isNode(values) ? values : {};
}

function declared(schema: unknown, root: SchemaNode, required: boolean, depth: number): unknown {
  if (!isNode(schema) || depth > MAX_DEPTH) return undefined;
  const node = resolveLocal(schema, root);
  if ('default' in node) return node.default;
  // A lone const is its parameter's only value, and the form fills it in too (rjsf does so even
  // when told to skip defaults; it also fills the const that marks an object alternative once chosen).
  if ('const' in node) return node.const;
  if (!required || !isNode(node.properties)) return undefined;
  const requiredNames = Array.isArray(node.required) ? node.required : [];
  const values: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(node.properties)) {
    const value = declared(property, root, requiredNames.includes(name), depth + 1);
    // Defined as own members: a parameter named "__proto__" stays data.
    if (value !== undefined) setOwn(values, name, value);
  }
  return Object.keys(values).length > 0 ? values : undefined;
}
