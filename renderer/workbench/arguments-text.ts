import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';
import { setOwn } from '../../shared/json/own-property';

/**
 * A tool's arguments live as JSON text (what the raw JSON editor shows and what is sent to
 * main, which parses it exactly: main/core/service/exact-tool-arguments.ts). The form works on
 * plain JavaScript values, which cannot hold every number as typed: 7960607143101464577 becomes
 * 7960607143101464000, 1.0 becomes 1. So the text's number digits are remembered by their path
 * and written back whenever the form's value at that path is still the number they denote.
 * Strings, escapes, nulls and key order pass through JSON untouched.
 */

/** A number's digits as typed, by path: keys joined by U+001F ("" for the root). */
export type Digits = ReadonlyMap<string, string>;

export type ParsedArguments = { ok: true; value: unknown; digits: Digits } | { ok: false; error: string };

/** The text as a plain value for the form, and the digits of each number in it. */
export function parseArguments(text: string): ParsedArguments {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const digits = new Map<string, string>();
  return { ok: true, value: plainOf(raw, '', digits), digits };
}

/**
 * The form's value as JSON text (2-space indent), each number written with the digits it had in
 * the text before when it still denotes the same number; a number the form changed is written
 * as JavaScript writes it.
 */
export function formatArguments(value: unknown, digits: Digits = new Map()): string {
  return stringify(withDigits(value, '', digits), undefined, 2) ?? '';
}

/** The same arguments as one line (for a command line): digits kept. */
export function compactArguments(text: string): string {
  return stringify(parse(text)) ?? text;
}

/**
 * True when a number in the value cannot be what its digits say (beyond 2^53 − 1 or more
 * digits than a double keeps) and no digits for it are known: the form alone lost it.
 */
export function unsafeNumberWithoutDigits(value: number, path: string, digits: Digits): boolean {
  const known = digits.get(path);
  if (known !== undefined && Number(known) === value) return false;
  return Number.isInteger(value) && !Number.isSafeInteger(value);
}

function plainOf(value: unknown, path: string, digits: Map<string, string>): unknown {
  return rebuild(value, path, (leaf, at) => {
    if (!isLosslessNumber(leaf)) return KEEP;
    const typed = (leaf as LosslessNumber).value;
    digits.set(at, typed);
    return Number(typed);
  });
}

function withDigits(value: unknown, path: string, digits: Digits): unknown {
  return rebuild(value, path, (leaf, at) => {
    if (typeof leaf !== 'number') return KEEP;
    const typed = digits.get(at);
    return typed !== undefined && Number(typed) === leaf ? new LosslessNumber(typed) : leaf;
  });
}

/** Returned by a `rebuild` visitor for a value it leaves to the walk (arrays, objects) or as it is. */
const KEEP = Symbol('keep');

/** A copy of a JSON value in which `visit` may replace any value, given its path (see `join`). */
function rebuild(value: unknown, path: string, visit: (value: unknown, path: string) => unknown): unknown {
  const replaced = visit(value, path);
  if (replaced !== KEEP) return replaced;
  if (Array.isArray(value)) return value.map((item, i) => rebuild(item, join(path, String(i)), visit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, rebuild(item, join(path, key), visit));
    return out;
  }
  return value;
}

export function join(path: string, key: string): string {
  return path === "" ? key : `${path}\u001f${key}`;
}


