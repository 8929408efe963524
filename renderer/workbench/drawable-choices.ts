import { jsonTypeOf } from '../../shared/schema/effective-type';
import { isNode, type SchemaNode } from '../../shared/schema/local-ref';

/**
 * Rewrites of a node in the tool form's copy of a schema (see named-alternatives.ts), each the
 * same schema to a validator, so the form accepts and refuses exactly what the tool's does, but
 * drawn by rjsf (@rjsf/core 6) the way a person can use it. Each takes the node as the tool gives
 * it and returns it, or a rewritten copy; the node given is never changed.
 */

/** Where a type list made a choice keeps the list, so the schema can be given back as written. */
export const TYPE_LIST = 'x-periscope-type-list';
/** Marks a `type` the copy wrote on a choice of single values (see constantChoiceTyped). */
export const TYPE_ADDED = 'x-periscope-type-added';

/** Keywords that describe a parameter as a whole: they stay on it when its type list becomes a choice. */
const ABOUT_THE_PARAMETER = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment'];

/**
 * `{"type": ["integer", "null"], ...}` (a nullable parameter as zod and many hand-written schemas
 * say it) as the choice `anyOf: [{"type": "integer", ...}, {"type": "null"}]`, which is what
 * Pydantic writes for the same parameter. rjsf draws a type list as a field of its first non-null
 * type: emptied, the field leaves the member out, so null could not be sent from the form at all.
 * As a choice it gets the alternative select ("integer" / "null") like every other nullable one.
 *
 * Left as it is when the list is anything but one type and null, or the node lists its values
 * (`enum`, `const`: they say themselves whether null is one), or already has an anyOf/oneOf.
 */
export function typeListAsChoice(node: SchemaNode): SchemaNode {
  const { type } = node;
  if (!Array.isArray(type) || type.length !== 2 || !type.includes('null')) return node;
  const other = type.find((name) => name !== 'null');
  if (typeof other !== 'string' || other === 'null') return node;
  if ('enum' in node || 'const' in node || 'anyOf' in node || 'oneOf' in node) return node;
  const about: SchemaNode = {};
  const rest: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    if (ABOUT_THE_PARAMETER.includes(key)) about[key] = value;
    else rest[key] = value;
  }
  return { ...about, anyOf: [{ ...rest, type: other }, { type: 'null' }], [TYPE_LIST]: type };
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
 * Every value already has that type, so the node accepts what it did.
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
  return { ...node, type: only === 'number' && allIntegers ? 'integer' : only, [TYPE_ADDED]: true };
}

/** The one value an alternative allows, as rjsf's `isConstant` reads it: a `const`, or an `enum` of one. */
function constantOf(alternative: unknown): { found: boolean; value?: unknown } {
  if (!isNode(alternative)) return { found: false };
  if ('const' in alternative) return { found: true, value: alternative.const };
  if (Array.isArray(alternative.enum) && alternative.enum.length === 1) return { found: true, value: alternative.enum[0] };
  return { found: false };
}
