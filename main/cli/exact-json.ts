import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { inexactNumber as inexact } from '../core/diagnostics/inexact-number';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { MAX_JSON_DEPTH, textDepth } from '../../shared/json/json-depth';
import { setOwn } from '../../shared/json/own-property';

/** Why a number typed as `digits` cannot be sent exactly, or undefined when it can (hint in the CLI's words by default). */
export function inexactNumber(digits: string, where: string, hint?: string): PeriscopeError | undefined {
  return inexact(digits, where, hint ?? 'Send it as a string if the tool accepts one (e.g. --args \'{"id": "7960607143101464577"}\'), or a value within range.');
}

/**
 * JSON a user typed (`--args`, a key=value holding an object or array, `--calls`), parsed so
 * that no number changes on its way to the server. JSON.parse turns every number into an
 * IEEE-754 double and the MCP SDK sends what JSON.stringify makes of it, so
 * `7960607143101464577` would reach the server as `7960607143101464000`. lossless-json (a
 * well-kept parser that keeps each number's digits) lets us see the digits as typed and refuse,
 * naming the value and where it is, any number a double cannot carry exactly: an integer beyond
 * ±(2^53 − 1), a decimal with more significant digits than a double keeps, or one out of range.
 * (Sending the digits themselves would need JSON.rawJSON, which Node 20 does not have.)
 *
 * Throws SyntaxError for text that is not JSON (callers word that error for their source) and
 * an `invalid-input` PeriscopeError for an inexact number or nesting deeper than MAX_JSON_DEPTH.
 */
export function parseExactJson(text: string, origin: string, hintFor?: (path: string, digits: string) => string | undefined): unknown {
  // Measured first: the parser and exactValues recurse, and would overflow the stack long before
  // the engine refuses the message for its depth.
  if (textDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new PeriscopeError({ kind: 'invalid-input', message: `${origin} is nested more than ${MAX_JSON_DEPTH} levels deep; Periscope sends up to ${MAX_JSON_DEPTH} levels`, hint: 'Send a value that nests less deeply.' });
  }
  return exactValues(parse(text), origin, '', hintFor);
}

function exactValues(value: unknown, origin: string, path: string, hintFor?: (path: string, digits: string) => string | undefined): unknown {
  if (isLosslessNumber(value)) {
    const digits = (value as LosslessNumber).value;
    const refused = inexactNumber(digits, `A number in ${origin}${path ? ` at ${path}` : ''}`, hintFor?.(path, digits));
    if (refused) throw refused;
    return Number(digits);
  }
  if (Array.isArray(value)) return value.map((item, i) => exactValues(item, origin, `${path}[${i}]`, hintFor));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key, exactValues(item, origin, path ? `${path}.${key}` : key, hintFor));
    }
    return out;
  }
  return value;
}
