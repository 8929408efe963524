import { jsonText } from '../../../shared/json/json-text';
import { REDACTED } from './secret-scan';
import { setOwn } from '../../../shared/json/own-property';

/**
 * Deeper than almost any real MCP payload. Past it a subtree is not walked (no recursion that a
 * hostile 100,000-level message could overflow): it is serialized without recursion, redacted
 * as text, and parsed back only when it held a secret, so nothing is lost either way.
 */
const MAX_DEPTH = 64;

/**
 * A copy of a JSON-like value with `redactText` applied to every string in it, object keys
 * included. Copy on write: what holds no secret is returned as the very same object, so the
 * common case allocates nothing and a caller's object (the SDK's message) is never mutated.
 * Values that are not plain data (an Error, a Date, a class instance) are taken as their JSON.
 */
export function redactValue<T>(value: T, redactText: (text: string) => string): T {
  return walk(value, redactText, 0) as T;
}

function walk(value: unknown, redactText: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return redactDeep(value, redactText);
  if (Array.isArray(value)) return walkArray(value, redactText, depth);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return walkForeign(value, redactText, depth);
  return walkObject(value as Record<string, unknown>, redactText, depth);
}

function walkArray(array: unknown[], redactText: (text: string) => string, depth: number): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const next = walk(item, redactText, depth + 1);
    if (next !== item) {
      out ??= array.slice();
      out[i] = next;
    }
  }
  return out ?? array;
}

/** for...in rather than Object.keys: no array per object on the hot path (plain objects inherit no enumerable keys). */
function walkObject(object: Record<string, unknown>, redactText: (text: string) => string, depth: number): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    const item = object[key];
    const next = walk(item, redactText, depth + 1);
    const nextKey = redactText(key);
    if (out === undefined && (next !== item || nextKey !== key)) out = copyBefore(object, key);
    if (out !== undefined) setOwn(out, nextKey, next);
  }
  return out ?? object;
}

/** The keys of `object` that come before `stop`, copied as they are. */
function copyBefore(object: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in object) {
    if (key === stop) break;
    setOwn(out, key, object[key]);
  }
  return out;
}

/** Through its JSON, and only when that JSON holds a secret: otherwise the value as it is. */
function walkForeign(value: object, redactText: (text: string) => string, depth: number): unknown {
  // An Error's message is not enumerable, so its JSON would hide a secret in it.
  const data = value instanceof Error ? { ...value, name: value.name, message: value.message } : value;
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch {
    return REDACTED; // unserializable (a cycle): nothing of it can be shown safely
  }
  if (json === undefined || redactText(json) === json) return value;
  return walk(JSON.parse(json), redactText, depth);
}

function redactDeep(value: unknown, redactText: (text: string) => string): unknown {
  const { text, complete } = jsonText(value);
  const redacted = redactText(text);
  if (redacted === text) return value;
  // Parsing is iterative in V8; a text that cannot come back whole is replaced by its masked text.
  try {
    return complete ? (JSON.parse(redacted) as unknown) : redacted;
  } catch {
    return redacted;
  }
}
