import { isNode, type SchemaNode } from '../../shared/schema/local-ref';
import { alternativeNames } from './alternative-names';

/**
 * The keyword an anyOf/oneOf alternative's name travels under in the form's copy of a tool's
 * schema. Not `title`: rjsf would also show a title as the label of the chosen alternative's own
 * field (the `filter` text box would read "string"). An unknown keyword is an annotation, which
 * validators ignore, so the copy accepts and refuses exactly what the tool's schema does.
 */
export const ALTERNATIVE_NAME = 'x-periscope-alternative-name';

/** Keywords whose value is a schema, a list of schemas, or a map of them (JSON Schema 2020-12, draft-07's too). */
const ONE = ['items', 'additionalItems', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const LIST = ['allOf', 'prefixItems', 'items'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const ALTERNATIVES = ['anyOf', 'oneOf'];
/** Deeper than any real tool schema; stops a pathological one. */
const MAX_DEPTH = 64;

/**
 * A copy of `schema` (a tool's inputSchema) in which every anyOf/oneOf alternative that is an
 * object carries its name (see alternative-names.ts) under ALTERNATIVE_NAME; the schema given is
 * never changed. Only schema keywords are walked: a `const`, `enum`, `default` or `examples`
 * value is data, copied by reference, so a value that happens to hold an `anyOf` stays as it is.
 */
export function withAlternativeNames<S>(schema: S): S {
  return isNode(schema) ? (annotate(schema, schema, 0) as S) : schema;
}

function annotate(node: SchemaNode, root: SchemaNode, depth: number): SchemaNode {
  if (depth > MAX_DEPTH) return node;
  const copy: SchemaNode = { ...node };
  const sub = (value: unknown) => (isNode(value) ? annotate(value, root, depth + 1) : value);
  for (const key of ONE) if (isNode(node[key])) copy[key] = sub(node[key]);
  for (const key of LIST) if (Array.isArray(node[key])) copy[key] = (node[key] as unknown[]).map(sub);
  for (const key of MAP) {
    if (isNode(node[key])) copy[key] = Object.fromEntries(Object.entries(node[key] as SchemaNode).map(([name, value]) => [name, sub(value)]));
  }
  for (const key of ALTERNATIVES) {
    const alternatives = node[key];
    if (!Array.isArray(alternatives)) continue;
    const names = alternativeNames(alternatives, root);
    copy[key] = alternatives.map((alternative, i) => (isNode(alternative) ? { ...annotate(alternative, root, depth + 1), [ALTERNATIVE_NAME]: names[i] } : alternative));
  }
  return copy;
}

/**
 * The schema as the tool gave it again: the names taken out (for whatever shows a schema to the
 * user, like the form's note on a field it cannot draw).
 */
export function withoutAlternativeNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAlternativeNames);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== ALTERNATIVE_NAME).map(([key, child]) => [key, withoutAlternativeNames(child)]));
}
