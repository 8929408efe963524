/**
 * JSON.stringify without recursion, optionally stopping after a number of characters.
 *
 * Two uses: serializing a message nested deeper than JSON.stringify can go (the session file keeps
 * the whole message), and taking the first part of a huge payload (the in-memory copy keeps the
 * first megabyte) without serializing all of it. The output is what JSON.stringify gives for JSON
 * data (compact, same key order, same escapes); `toJSON` is honoured, `undefined` and functions
 * are skipped in objects and become `null` in arrays, as JSON.stringify does.
 */
export interface JsonText {
  text: string;
  /** False when `maxChars` stopped the serialization before the end. */
  complete: boolean;
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; next: number }
  | { kind: 'object'; source: Record<string, unknown>; keys: string[]; next: number; wrote: boolean };

export function jsonText(value: unknown, maxChars = Number.POSITIVE_INFINITY): JsonText {
  const parts: string[] = [];
  let length = 0;
  /** Appends; returns false once the budget is spent (the last part is cut to fit). */
  const put = (part: string): boolean => {
    const room = maxChars - length;
    if (part.length > room) {
      parts.push(part.slice(0, room));
      length = maxChars;
      return false;
    }
    parts.push(part);
    length += part.length;
    return true;
  };
  const done = (complete: boolean): JsonText => ({ text: parts.join(''), complete });

  const stack: Frame[] = [];
  /** Writes a value, or opens a frame for a container; false when the budget ran out. */
  const open = (raw: unknown): boolean => {
    const v = prepared(raw);
    // Members that JSON.stringify drops never get here; in an array they read as null.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return put('null');
    if (typeof v !== 'object' || v === null) return put(scalar(v, maxChars - length));
    if (Array.isArray(v)) {
      stack.push({ kind: 'array', items: v, next: 0 });
      return put('[');
    }
    stack.push({ kind: 'object', source: v as Record<string, unknown>, keys: Object.keys(v), next: 0, wrote: false });
    return put('{');
  };

  const top = prepared(value);
  if (top === undefined || typeof top === 'function' || typeof top === 'symbol') return { text: '', complete: true };
  if (!open(top)) return done(false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.kind === 'array') {
      if (frame.next >= frame.items.length) {
        stack.pop();
        if (!put(']')) return done(false);
        continue;
      }
      if (frame.next > 0 && !put(',')) return done(false);
      if (!open(frame.items[frame.next++])) return done(false);
      continue;
    }
    // Objects: skip members JSON.stringify leaves out.
    let key: string | undefined;
    let member: unknown;
    while (frame.next < frame.keys.length) {
      const candidate = frame.keys[frame.next++];
      const v = prepared(frame.source[candidate], candidate);
      if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') {
        key = candidate;
        member = v;
        break;
      }
    }
    if (key === undefined) {
      stack.pop();
      if (!put('}')) return done(false);
      continue;
    }
    if (!put(`${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`)) return done(false);
    frame.wrote = true;
    if (!open(member)) return done(false);
  }
  return done(true);
}

/** Applies toJSON (dates and the like) as JSON.stringify does. */
function prepared(value: unknown, key = ''): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

/** A scalar as JSON; a very long string is escaped only as far as the budget can show. */
function scalar(value: unknown, room: number): string {
  if (typeof value === 'string') {
    // Escaping never shortens text: the first `room` characters are all that can be shown.
    return value.length > room ? JSON.stringify(value.slice(0, room)).slice(0, -1) : JSON.stringify(value);
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value) ?? 'null';
}
