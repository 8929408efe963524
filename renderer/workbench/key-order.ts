import { setOwn } from '../../shared/json/own-property';

/**
 * The form library rebuilds an object from its schema on every change: keys it fills from the
 * schema (defaults, nested objects) come first in the schema's order, and keys it cannot fill that
 * way (a null under anyOf, an empty map under additionalProperties) are appended after them. So
 * editing one field could move others in the JSON text. This puts the keys back as they were typed.
 */

/**
 * `edited` with each object's keys in the order they had in `typed` (at the same path); keys
 * that are new come after them, in `edited`'s order. Arrays are matched item by item. Values are
 * `edited`'s: only the order of keys changes. Shapes: plain JSON values (objects, arrays, primitives).
 */
export function inTypedKeyOrder(typed: unknown, edited: unknown): unknown {
  if (Array.isArray(edited)) {
    return Array.isArray(typed) ? edited.map((item, index) => inTypedKeyOrder(typed[index], item)) : edited;
  }
  if (!isPlainObject(edited) || !isPlainObject(typed)) return edited;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(typed)) {
    if (Object.hasOwn(edited, key)) setOwn(ordered, key, inTypedKeyOrder(typed[key], edited[key]));
  }
  for (const key of Object.keys(edited)) {
    if (!Object.hasOwn(ordered, key)) setOwn(ordered, key, edited[key]);
  }
  return ordered;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
