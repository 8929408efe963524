import { JSON_TYPES, jsonTypeOf } from '../../shared/schema/effective-type';
import { isNode, type SchemaNode } from '../../shared/schema/local-ref';

/**
 * Rewrites of a node in the tool form's copy of a schema (see named-alternatives.ts), each the
 * same schema to a validator, so the form accepts and refuses exactly what the tool's does, but
 * drawn by rjsf (@rjsf/core 6) the way a person can use it. Each takes the node as the tool gives
 * it and returns it, or a rewritten copy; the node given is never changed.
 */

/** Where a type list made a choice keeps the list, so the schema can be given back as written. */
export const TYPE_LIST = 'x-periscope-type-list';
/** Marks a `type` the copy wrote on a choice of single values: `true`, or `"anyOf"` when it also made the anyOf a oneOf (see constantChoiceTyped). */
export const TYPE_ADDED = 'x-periscope-type-added';

/** Keywords that describe a parameter as a whole: they stay on it when its type list becomes a choice. */
const ABOUT_THE_PARAMETER = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment'];

/**
 * `{"type": ["integer", "null"], ...}` (a nullable parameter as zod and many hand-written schemas
 * say it) as the choice `anyOf: [{"type": "integer", ...}, {"type": "null"}]`, which is what
 * Pydantic writes for the same parameter; any list of several types alike (`["string",
 * "integer"]`: one alternative each, the other keywords on each, null last). rjsf draws a type list
 * as a field of its first non-null type: null, or the list's other types, could not be sent from
 * the form at all. As a choice it gets the alternative select ("integer" / "null").
 *
 * Left as it is when the list has fewer than two types, repeats one or names an unknown one, or the
 * node lists its values (`enum`, `const`: they say themselves which types occur), or already has an
 * anyOf/oneOf.
 */
export function typeListAsChoice(node: SchemaNode): SchemaNode {
  const { type } = node;
  if (!Array.isArray(type) || type.length < 2 || new Set(type).size !== type.length) return node;
  if (!type.every((name) => (JSON_TYPES as readonly unknown[]).includes(name))) return node;
  if ('enum' in node || 'const' in node || 'anyOf' in node || 'oneOf' in node) return node;
  const about: SchemaNode = {};
  const rest: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    if (ABOUT_THE_PARAMETER.includes(key)) about[key] = value;
    else rest[key] = value;
  }
  // Null last: rjsf starts on the first alternative, and a parameter nobody filled in is not null.
  const alternatives = type.filter((name) => name !== 'null').map((name) => ({ ...rest, type: name }));
  if (type.includes('null')) alternatives.push({ type: 'null' });
  return { ...about, anyOf: alternatives, [TYPE_LIST]: type };
}

/**
 * A node as the tool wrote it: undoes typeListAsChoice and constantChoiceTyped (one level; the
 * caller walks). Any other node is returned as it is.
 */
export function asWritten(node: SchemaNode): SchemaNode {
  if (node[TYPE_ADDED] === true) {
    const { [TYPE_ADDED]: _added, type: _type, ...written } = node;
    return written;
  }
  if (node[TYPE_ADDED] === 'anyOf') {
    const { [TYPE_ADDED]: _added, type: _type, oneOf, ...written } = node;
    return { ...written, anyOf: oneOf };
  }
  const { [TYPE_LIST]: list, anyOf, ...about } = node;
  if (!Array.isArray(list) || !Array.isArray(anyOf) || !isNode(anyOf[0])) return node;
  const { type: _type, ...rest } = anyOf[0];
  return { ...about, ...rest, type: list };
}

/**
 * A `{"type": "null"}` alternative as `{"type": ["null"]}` (the same schema). For a chosen
 * `"null"` alternative rjsf draws nothing, so the value stayed unset: choosing "null" left the
 * member out instead of sending null, and a required nullable parameter could not be sent at all.
 * It also took an emptied field (an unset value) for null and switched the select to "null",
 * taking the field away mid-typing. Written as a list, the alternative is drawn by rjsf's null
 * field, which sets the value to null, and an emptied field no longer looks like null to it.
 */
export function nullAlternativeAsValue(alternative: unknown): unknown {
  return isNode(alternative) && alternative.type === 'null' ? { ...alternative, type: ['null'] } : alternative;
}

/**
 * An anyOf/oneOf whose alternatives are all single values of one JSON type (`{"const": "a"}`,
 * zod's union of literals) gets that type written on the node: rjsf draws such a choice as a
 * select of the values only when the node says its type, and otherwise showed "Unsupported field".
 * An anyOf of distinct values is written as a oneOf (the same schema: no value can match two), so
 * the forms' default-filling leaves it unchosen (see form-defaults.ts). Every value already has
 * the type, so the node accepts what it did.
 */
export function constantChoiceTyped(node: SchemaNode): SchemaNode {
  if ('type' in node) return node;
  const alternatives = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (!alternatives || alternatives.length === 0) return node;
  const types = new Set<string>();
  for (const alternative of alternatives) {
    const value = constantOf(alternative);
    if (!value.found) return node;
    const type = jsonTypeOf(value.value);
    if (type === undefined || type === 'object' || type === 'array' || type === 'null') return node;
    types.add(type === 'integer' ? 'number' : type);
  }
  if (types.size !== 1) return node;
  const [only] = types;
  // Integers only: "integer", so the select's values come back as whole numbers.
  const allIntegers = alternatives.every((alternative) => Number.isInteger(constantOf(alternative).value));
  const type = only === 'number' && allIntegers ? 'integer' : only;
  const values = alternatives.map((alternative) => constantOf(alternative).value);
  if (!Array.isArray(node.anyOf) || 'oneOf' in node || !distinct(values)) return { ...node, type, [TYPE_ADDED]: true };
  const { anyOf, ...rest } = node;
  return { ...rest, type, oneOf: anyOf, [TYPE_ADDED]: 'anyOf' };
}

/** Scalars only (the caller checked): equal when `===`, but for NaN, which JSON cannot carry anyway. */
function distinct(values: unknown[]): boolean {
  return new Set(values).size === values.length;
}

/** The one value an alternative allows, as rjsf's `isConstant` reads it: a `const`, or an `enum` of one. */
function constantOf(alternative: unknown): { found: boolean; value?: unknown } {
  if (!isNode(alternative)) return { found: false };
  if ('const' in alternative) return { found: true, value: alternative.const };
  if (Array.isArray(alternative.enum) && alternative.enum.length === 1) return { found: true, value: alternative.enum[0] };
  return { found: false };
}
