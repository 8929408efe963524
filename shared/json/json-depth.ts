import { setOwn } from './own-property';
/**
 * How deeply JSON nests, measured without recursion, so a hostile server's message nested
 * 100,000 levels deep can be measured and cut without the stack overflow that JSON.stringify,
 * structuredClone, Electron's IPC and the SDK's zod schemas all hit on it.
 *
 * Depth counts objects and arrays: `1` and `"x"` are depth 0, `{}` and `[1]` depth 1,
 * `{"a":[1]}` depth 2. A JSON-RPC message's own object is level 1, its `result` level 2.
 */

/**
 * The deepest nesting Periscope handles in a message. Measured in Node 20 with the default stack:
 * the SDK's recursive JSON schemas (capabilities, tool input schemas) overflow at about 1,180
 * levels, structuredClone at about 1,900, JSON.stringify at about 4,100; 500 leaves room for the
 * frames already on the stack wherever these run (IPC, the renderer, zod inside the SDK).
 */
export const MAX_JSON_DEPTH = 500;

/** How many levels the in-memory stand-in of a too-deep message keeps (readable, far from any limit). */
export const DEPTH_PREVIEW_LEVELS = 64;

/**
 * Nesting depth of JSON text, by scanning characters (strings skipped, so brackets inside
 * them do not count). Stops as soon as the depth exceeds `stopAbove` and returns that depth.
 * Malformed text gives a best effort, never an exception.
 */
export function textDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = closingQuote(text, i);
      if (i < 0) return max;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return max;
}

/** Index of the quote that ends the string opening at `open`, or -1 when it never ends. */
export function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let b = quote - 1; b > open && text.charCodeAt(b) === 0x5c; b--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** Nesting depth of a parsed value, walked with an explicit stack; stops once above `stopAbove`. */
export function valueDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  if (!isContainer(value)) return 0;
  const stack: object[] = [value];
  const depths: number[] = [1];
  let max = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    if (depth > max) {
      max = depth;
      if (max > stopAbove) return max;
    }
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (isContainer(child)) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return max;
}

/**
 * A copy of `value` that keeps `levels` levels of nesting; whatever sat deeper is replaced by a
 * short string saying so. Recursion is bounded by `levels`, so any input depth is safe.
 */
export function pruneDepth(value: unknown, levels: number): unknown {
  if (!isContainer(value)) return value;
  if (levels <= 0) return `[cut: nested deeper than Periscope shows]`;
  if (Array.isArray(value)) return value.map((item) => pruneDepth(item, levels - 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(out, key, pruneDepth((value as Record<string, unknown>)[key], levels - 1));
  return out;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
