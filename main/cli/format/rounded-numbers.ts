import { setOwn } from '../../../shared/json/own-property';
/**
 * Integers beyond ±(2^53 − 1) in what a server sent. The MCP SDK parses every message with
 * JSON.parse before Periscope sees it, so `7960607143101464577` has already become the double
 * 7960607143101464576 and the digits the server sent are gone (Node 20 has no lossless
 * JSON.parse, and the SDK offers no hook to pass one). Printing that double as a plain number
 * would present a rounded value as the server's; so every output writes it as the string
 * `"≈7960607143101464576"` (its exact double value after "≈") and says where it was. A script
 * then gets a string it cannot mistake for the real id, rather than a wrong number.
 */

export const ROUNDED_MARK = '≈';

/** `value` with each unsafe integer replaced by its marked string, and the paths where they were. */
export function markRoundedNumbers(value: unknown): { value: unknown; paths: string[] } {
  const paths: string[] = [];
  const marked = walk(value, '', paths, 0);
  return { value: paths.length > 0 ? marked : value, paths };
}

/** The warning for stderr naming where rounded numbers were (the first few paths). */
export function roundedNumbersWarning(paths: string[]): string {
  const shown = paths.slice(0, 5).map((p) => p || '(the value itself)').join(', ');
  const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
  return (
    `warning: the server sent integers beyond ±2^53 − 1 (${Number.MAX_SAFE_INTEGER}) at ${shown}${more}; JSON parsing (in the MCP SDK) ` +
    `rounded them before Periscope saw them, so they are shown as "${ROUNDED_MARK}<rounded value>": the server's own digits are lost. ` +
    'Ask the server to send such numbers as strings.'
  );
}

const MAX_DEPTH = 256;

function walk(value: unknown, path: string, paths: string[], depth: number): unknown {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Number.isSafeInteger(value)) return value;
    paths.push(path);
    return `${ROUNDED_MARK}${BigInt(value)}`;
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${i}]`, paths, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(out, key, walk(item, path ? `${path}.${key}` : key, paths, depth + 1));
  }
  return out;
}
