import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { inexactNumber } from '../diagnostics/inexact-number';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { setOwn } from '../../../shared/json/own-property';

/** JSON.rawJSON (ES2025 "JSON.parse source text access"): Node 21+, Electron's Node 22, Chromium 114+. */
type RawJson = (text: string) => unknown;
const rawJson: RawJson | undefined = (JSON as unknown as { rawJSON?: RawJson }).rawJSON;

/** True where JSON.stringify can emit a number's digits as typed (JSON.rawJSON exists). */
export const sendsExactDigits = typeof rawJson === 'function';

/**
 * A tool's arguments from the JSON text the user typed in the workbench, ready for the SDK with
 * every number exactly as typed. The renderer sends text, not values, because a JavaScript value
 * cannot hold 7960607143101464577: JSON.parse makes it 7960607143101464000. Here lossless-json
 * (a well-kept parser that keeps each number's digits) reads the text, and each number a double
 * cannot carry exactly (beyond ±(2^53 − 1), too many significant digits) becomes a
 * `JSON.rawJSON(digits)`, which the SDK's JSON.stringify writes out digit for digit. Numbers a
 * double carries exactly become plain numbers, so the SDK, the trace and the redactor see
 * ordinary values.
 *
 * Where JSON.rawJSON is missing (Node 20 without --harmony-json-parse-with-source), such a
 * number is refused with an `invalid-input` error naming it, as the CLI does: never changed.
 *
 * @param text the arguments as a JSON object, e.g. `{"id": 7960607143101464577}` (MCP
 *   2025-06-18 server/tools, CallToolRequest.params.arguments).
 * @throws PeriscopeError `invalid-input` for text that is not JSON, not an object, or holds a
 *   number that cannot be sent exactly here.
 */
export function parseToolArguments(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `The arguments are not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'Fix the JSON in the arguments editor, e.g. {"a": 1, "b": 2}.',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PeriscopeError({ kind: 'invalid-input', message: 'The arguments must be a JSON object.', hint: 'For example: {"text": "hello"}.' });
  }
  return exact(parsed, '') as Record<string, unknown>;
}

function exact(value: unknown, path: string): unknown {
  if (isLosslessNumber(value)) return exactNumber((value as LosslessNumber).value, path);
  if (Array.isArray(value)) return value.map((item, i) => exact(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key, exact(item, path ? `${path}.${key}` : key));
    }
    return out;
  }
  return value;
}

function exactNumber(digits: string, path: string): unknown {
  const refused = inexactNumber(digits, `The argument ${path}`, 'Send it as a string if the tool accepts one, or a value within range.');
  if (!refused) return Number(digits);
  if (rawJson) return rawJson(digits);
  throw refused;
}
