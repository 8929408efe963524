import { isNode, type SchemaNode } from '../../shared/schema/local-ref';
import { alternativeNames } from './alternative-names';
import { constantChoiceTyped, nullAlternativeAsValue, typeListAsChoice, asWritten } from './drawable-choices';

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
 * The tool form's copy of `schema` (a tool's inputSchema), which rjsf draws and the form's
 * validator checks against: every anyOf/oneOf alternative that is an object carries its name
 * (see alternative-names.ts) under ALTERNATIVE_NAME, and nullable and single-value choices are
 * written the way rjsf draws them usably (see drawable-choices.ts). It accepts and refuses
 * exactly what `schema` does, which is never changed. Only schema keywords are walked: a `const`,
 * `enum`, `default` or `examples` value is data, copied by reference, so a value that happens to
 * hold an `anyOf` stays as it is.
 */
export function formSchemaOf<S>(schema: S): S {
  return isNode(schema) ? (annotate(schema, schema, 0) as S) : schema;
}

function annotate(given: SchemaNode, root: SchemaNode, depth: number): SchemaNode {
  if (depth > MAX_DEPTH) return given;
  const node = constantChoiceTyped(typeListAsChoice(given));
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
    copy[key] = alternatives.map((alternative, i) => (isNode(alternative) ? nullAlternativeAsValue({ ...annotate(alternative, root, depth + 1), [ALTERNATIVE_NAME]: names[i] }) : alternative));
  }
  return copy;
}

/**
 * A schema from the form's copy as the tool gave it, for whatever shows a schema to the user (the
 * form's note on a field it cannot draw): the names taken out, every rewrite of drawable-choices.ts
 * undone.
 */
export function withoutAlternativeNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAlternativeNames);
  if (value === null || typeof value !== 'object') return value;
  const node = asWritten(value as SchemaNode);
  const named = ALTERNATIVE_NAME in node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== ALTERNATIVE_NAME)
      .map(([key, child]) => [key, named && key === 'type' && Array.isArray(child) && child.length === 1 && child[0] === 'null' ? 'null' : withoutAlternativeNames(child)]),
  );
}
