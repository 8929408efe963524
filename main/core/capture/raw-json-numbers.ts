import { setOwn } from '../../../shared/json/own-property';
/**
 * A number the workbench sends digit for digit is a `JSON.rawJSON(digits)` value (see
 * service/exact-tool-arguments.ts): a frozen object that structuredClone and Electron's IPC
 * refuse to copy. The trace keeps the nearest double in its place, as it does for every number
 * a server sends; the HTTP exchange entry keeps the request body as sent, digits included.
 *
 * Copy on write: a message without such a value comes back as the very same object, and the
 * message the transport sends is never changed.
 */
const isRawJson = (JSON as unknown as { isRawJSON?: (value: unknown) => boolean }).isRawJSON;

/** The message with each raw JSON number replaced by Number(digits); only outgoing messages can hold one. */
export function withPlainNumbers<T>(message: T): T {
  if (isRawJson === undefined) return message;
  return plain(message, 0) as T;
}

/** Tool arguments nest a few levels; past this a value is left as it is (never a stack overflow). */
const MAX_DEPTH = 64;

function plain(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (isRawJson!(value)) return Number((value as { rawJSON: string }).rawJSON);
  let out: Record<string, unknown> | unknown[] | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const item = source[key];
    const next = plain(item, depth + 1);
    if (next !== item) {
      out ??= Array.isArray(value) ? value.slice() : { ...source };
      setOwn(out as Record<string, unknown>, key, next);
    }
  }
  return out ?? value;
}
