/**
 * Text as a server might have encoded a secret in it, decoded, with a map back to the original.
 *
 * One pass undoes both encodings a server can echo a value in: JSON string escapes (RFC 8259
 * section 7: `\"`, `\\`, `\/`, `\b` `\f` `\n` `\r` `\t`, `\uXXXX` with any hex case) and
 * percent-encoding (RFC 3986 section 2.1: `%XX` of UTF-8 bytes, either hex case, over-encoded
 * unreserved characters included). Every `+` then reads as a space (the form-encoding of a space,
 * RFC 1866 `application/x-www-form-urlencoded`), and the secrets searched for in a view are
 * canonicalized the same way, so a literal `+`, `%2B`, `\u002B` and a form-encoded space all
 * match. Decoding never lengthens text, so a view can only be as long as its original.
 */
export interface DecodedView {
  text: string;
  /**
   * starts[i]: offset in the ORIGINAL text where the source of unit i begins; starts[text.length]
   * is the original's length. A match [a, b) in the view is the original range [starts[a], starts[b]).
   */
  starts: Int32Array;
}

/** Worth decoding: a percent-escape, or a JSON escape that JSON.stringify itself never writes. */
const TRIGGER = /%[0-9A-Fa-f]{2}|\\[u/]/;

export function needsDecoding(text: string): boolean {
  // Two plain searches first: most text holds neither character, and they cost less than the regex.
  return (text.includes('%') || text.includes('\\')) && TRIGGER.test(text);
}

const SHORT_ESCAPES: Record<string, number> = { '"': 0x22, '\\': 0x5c, '/': 0x2f, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };
const PLUS = 0x2b;
const SPACE = 0x20;

/**
 * One decoding pass over `text`. With `previous` (the view `text` came from), the map is composed
 * so it still points into the first original. Layers nest (a JSON-escaped percent-encoded value,
 * a double percent-encoding): callers run passes until needsDecoding() says there is no more.
 */
export function decodeOnce(text: string, previous?: DecodedView): DecodedView {
  const n = text.length;
  const units = new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  let out = 0;
  const emit = (unit: number, from: number): void => {
    units[out] = unit === PLUS ? SPACE : unit;
    starts[out++] = from;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */ && i + 1 < n) {
      const next = text[i + 1]!;
      const short = SHORT_ESCAPES[next];
      if (short !== undefined) {
        emit(short, i);
        i += 2;
        continue;
      }
      if (next === 'u' && i + 6 <= n) {
        const code = hex4(text, i + 2);
        if (code >= 0) {
          emit(code, i);
          i += 6;
          continue;
        }
      }
    } else if (c === 0x25 /* % */) {
      const consumed = decodePercentSequence(text, i, emit);
      if (consumed > 0) {
        i += consumed;
        continue;
      }
    }
    emit(c, i);
    i++;
  }
  starts[out] = n;
  const view: DecodedView = { text: unitsToString(units, out), starts: starts.subarray(0, out + 1) };
  if (!previous) return view;
  for (let k = 0; k <= out; k++) view.starts[k] = previous.starts[view.starts[k]!]!;
  return view;
}

/**
 * Decodes the UTF-8 code point whose first byte is the `%XX` at `at`; returns how many characters
 * of text it used (0 when this is not a valid percent-encoded UTF-8 sequence: the `%` then stays
 * literal and the caller copies it).
 */
function decodePercentSequence(text: string, at: number, emit: (unit: number, from: number) => void): number {
  const lead = hexByte(text, at);
  if (lead < 0) return 0;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 0;
  let code = length === 1 ? lead : lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const byte = hexByte(text, at + 3 * k);
    if (byte < 0x80 || byte > 0xbf) return 0;
    code = (code << 6) | (byte & 0x3f);
  }
  if (code > 0xffff) {
    const offset = code - 0x10000;
    emit(0xd800 + (offset >> 10), at);
    emit(0xdc00 + (offset & 0x3ff), at);
  } else {
    emit(code, at);
  }
  return 3 * length;
}

/** The byte of `%XX` at `at`, or -1. */
function hexByte(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x25 || at + 3 > text.length) return -1;
  const high = hexDigit(text.charCodeAt(at + 1));
  const low = hexDigit(text.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

function hex4(text: string, at: number): number {
  let code = 0;
  for (let k = 0; k < 4; k++) {
    const digit = hexDigit(text.charCodeAt(at + k));
    if (digit < 0) return -1;
    code = (code << 4) | digit;
  }
  return code;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

function unitsToString(units: Uint16Array, length: number): string {
  let s = '';
  // Chunked: String.fromCharCode with a huge argument list overflows the stack.
  for (let k = 0; k < length; k += 8192) s += String.fromCharCode(...units.subarray(k, Math.min(length, k + 8192)));
  return s;
}
