import { decodeOnce, needsDecoding, type DecodedView } from './decoded-view';
import { PatternFilter } from './pattern-filter';
import { formsOf, type SecretForms } from './secret-forms';
import { keepNewest } from '../../../shared/collections/keep-newest';

export const REDACTED = '[redacted]';

/** Nested encodings undone at most this deep (e.g. JSON-escaped inside percent-encoded inside JSON). */
const MAX_DECODE_PASSES = 3;

/**
 * Secrets learned on the way (a Set-Cookie value, an OAuth token) kept at most; the oldest goes
 * first. A server that sets a fresh cookie on every answer would otherwise make every scan slower
 * for the rest of the session. Pinned secrets (the connection's own configuration) never go.
 */
export const MAX_LEARNED_SECRETS = 64;

/** Texts at least this long are remembered when found clean (shorter ones scan in no time)... */
const RECENT_CLEAN_MIN_LENGTH = 128;
/**
 * ...and at most this long: V8 hashes a longer string by its length alone, so looking one up
 * would compare it with every remembered text of that length. Longer texts are scanned again.
 */
const RECENT_CLEAN_MAX_LENGTH = 16_383;
/** How many: enough for the bodies of a few exchanges in flight. */
const RECENT_CLEAN_KEPT = 8;

/**
 * Finds known secret values in text, in every form secret-forms.ts lists, and replaces each
 * occurrence with `[redacted]`. Built for the capture hot path: text shorter than the shortest
 * form is returned at once, a PatternFilter rules out nearly all other text in a fraction of one
 * search, the forms are plain substring searches, and decoding (percent and JSON escapes) runs
 * only on text that holds a `%XX`, `\u` or `\/`.
 */
export class SecretScanner {
  /** Longest first, so a secret that contains another is replaced whole. */
  private literal: string[] = [];
  private base64: string[] = [];
  private decoded: string[] = [];
  private decodedBase64: string[] = [];
  /** Every secret with its forms, oldest first. */
  private known = new Map<string, SecretForms>();
  private pinned = new Set<string>();
  private shortest = Infinity;
  /** The longest secret value itself (not a form of it: its hex is twice as long, and bounded above all the same). */
  private longestSecret = 0;
  private filter = new PatternFilter([]);

  /** Goes up each time a secret is learned: text redacted at an older generation may hold a newer one. */
  private learned = 0;
  /**
   * The last few long texts found clean, forgotten whenever a secret is learned. A body is
   * redacted by the recording fetch and again, as the same string, when the trace bus redacts
   * its entry: the second scan is then one lookup. A set, not a list: a string keeps its hash once
   * computed, so a lookup costs one pass over a new text (up to RECENT_CLEAN_MAX_LENGTH), where
   * comparing it with each remembered one (bodies of one length that differ late) cost a pass each.
   */
  private readonly recentClean = new Set<string>();

  get isEmpty(): boolean {
    return this.known.size === 0;
  }

  get generation(): number {
    return this.learned;
  }

  /**
   * A bound on the characters one encoded occurrence can span: a UTF-16 unit is up to 3 UTF-8
   * bytes, and a byte takes up to 6 characters once encoded (`%XX` is 3, `%25XX` 5, a JSON
   * `\uXXXX` 6). Text cut into pieces must be redacted before the cut, or carry this much over.
   */
  get maxEncodedLength(): number {
    return this.longestSecret * 18;
  }

  add(secret: string): void {
    if (!secret || this.known.has(secret) || secret.includes(REDACTED)) return;
    this.known.set(secret, formsOf(secret));
    this.learned++;
    if (this.known.size - this.pinned.size > MAX_LEARNED_SECRETS) {
      for (const old of this.known.keys()) {
        if (this.pinned.has(old)) continue;
        this.known.delete(old);
        break;
      }
    }
    this.rebuild();
  }

  /** Every secret known now stays for good (the configured ones; see MAX_LEARNED_SECRETS). */
  pinAll(): void {
    for (const secret of this.known.keys()) this.pinned.add(secret);
  }

  private rebuild(): void {
    this.recentClean.clear();
    const all = [...this.known.values()];
    this.literal = longestFirst(all.flatMap((f) => f.literal));
    this.base64 = longestFirst(all.flatMap((f) => f.base64));
    this.decoded = longestFirst(all.flatMap((f) => f.decoded));
    this.decodedBase64 = longestFirst(all.flatMap((f) => f.decodedBase64));
    this.longestSecret = Math.max(0, ...[...this.known.keys()].map((secret) => secret.length));
    this.shortest = Math.min(...[...this.literal, ...this.base64, ...this.decoded, ...this.decodedBase64].map((f) => f.length));
    this.filter = new PatternFilter([...this.literal, ...this.base64]);
  }

  /** The text with every occurrence of every form replaced; the same string when there is none. */
  redact(text: string): string {
    if (text.length < this.shortest) return text;
    const rememberable = text.length >= RECENT_CLEAN_MIN_LENGTH && text.length <= RECENT_CLEAN_MAX_LENGTH;
    if (rememberable && this.recentClean.has(text)) return text;
    const ranges = this.find(text);
    if (ranges.length > 0) return replaceRanges(text, ranges);
    if (rememberable) {
      this.recentClean.add(text);
      keepNewest(this.recentClean, RECENT_CLEAN_KEPT);
    }
    return text;
  }

  /** True when the text holds a secret in any form. */
  contains(text: string): boolean {
    return text.length >= this.shortest && this.find(text).length > 0;
  }

  /** Sorted, merged [start, end) pairs (flattened) of the original text that hold a secret. */
  find(text: string): number[] {
    const ranges: number[] = [];
    if (this.filter.mayOccurIn(text)) {
      for (const form of this.literal) collect(text, form, ranges, undefined, undefined);
      for (const form of this.base64) collect(text, form, ranges, undefined, BASE64_RUN);
    }
    if (needsDecoding(text)) {
      let view: DecodedView | undefined;
      let source = text;
      for (let pass = 0; pass < MAX_DECODE_PASSES; pass++) {
        view = decodeOnce(source, view);
        for (const form of this.decoded) collect(view.text, form, ranges, view, undefined);
        for (const form of this.decodedBase64) collect(view.text, form, ranges, view, DECODED_BASE64_RUN);
        if (view.text === source || !needsDecoding(view.text)) break;
        source = view.text;
      }
    }
    if (ranges.length === 0) return ranges;
    return withoutMarkers(text, merge(ranges));
  }
}

/** Base64 and base64url characters (a decoded view reads `+` as a space, so not there); `=` pads only the end. */
const BASE64_RUN = /[A-Za-z0-9+/_-]/;
const DECODED_BASE64_RUN = /[A-Za-z0-9/_-]/;

/**
 * Pushes the range of every occurrence of `needle`. With `run`, a match is widened to the run of
 * such characters around it: a base64 core found inside `base64(user:secret)` masks the token whole.
 */
function collect(haystack: string, needle: string, ranges: number[], view: DecodedView | undefined, run: RegExp | undefined): void {
  if (needle.length > haystack.length) return;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    let start = at;
    let end = at + needle.length;
    if (run) {
      // Never into a percent escape before it ("Basic%20<token>": the 20 is the escape's, not the token's).
      while (start > 0 && run.test(haystack[start - 1]!) && !(view === undefined && isPercentEscapeEnd(haystack, start))) start--;
      while (end < haystack.length && run.test(haystack[end]!)) end++;
      while (end < haystack.length && haystack[end] === '=') end++;
    }
    if (view) ranges.push(view.starts[start]!, view.starts[end]!);
    else ranges.push(start, end);
    at = haystack.indexOf(needle, end);
  }
}

function merge(flat: number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [start, end] of pairs) {
    const last = out.length - 1;
    if (last > 0 && start <= out[last]!) out[last] = Math.max(out[last]!, end);
    else out.push(start, end);
  }
  return out;
}

/**
 * A secret that happens to be part of the word "[redacted]" must not eat into the markers text
 * already carries, or every further pass over the same text would nest them deeper.
 */
function withoutMarkers(text: string, ranges: number[]): number[] {
  if (!text.includes(REDACTED)) return ranges;
  const markers: number[] = [];
  for (let at = text.indexOf(REDACTED); at >= 0; at = text.indexOf(REDACTED, at + REDACTED.length)) markers.push(at, at + REDACTED.length);
  const out: number[] = [];
  for (let k = 0; k < ranges.length; k += 2) {
    const start = ranges[k]!;
    const end = ranges[k + 1]!;
    let inside = false;
    for (let m = 0; m < markers.length && !inside; m += 2) inside = start >= markers[m]! && end <= markers[m + 1]!;
    if (!inside) out.push(start, end);
  }
  return out;
}

function replaceRanges(text: string, ranges: number[]): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    out += text.slice(from, ranges[k]) + REDACTED;
    from = ranges[k + 1]!;
  }
  return out + text.slice(from);
}

function longestFirst(forms: string[]): string[] {
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** True when the three characters before `at` are a percent escape (`%2F`), in the text as written. */
function isPercentEscapeEnd(text: string, at: number): boolean {
  return at >= 3 && text[at - 3] === '%' && HEX_DIGIT.test(text[at - 2]!) && HEX_DIGIT.test(text[at - 1]!);
}

const HEX_DIGIT = /[0-9A-Fa-f]/;
