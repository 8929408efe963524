/**
 * Sets `target[key] = value` as an own, enumerable data property, whatever the key. A plain
 * assignment with the key `"__proto__"` (which JSON.parse keeps as an ordinary key, and a server
 * may send) sets the object's prototype instead: the member vanishes from the copy (its JSON, the
 * trace) and the copy inherits whatever the value holds. Every copy of a server's or a user's
 * object, key by key, goes through here.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
