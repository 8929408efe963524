import { PeriscopeError } from '../core/diagnostics/periscope-error';

/** The slice of a JSON Schema this module reads: property types of a tool's inputSchema. */
export interface InputSchemaLike {
  type?: string;
  properties?: Record<string, { type?: string | string[] } | undefined>;
}

/**
 * Builds a tool's arguments from `--args JSON` and `key=value` pairs (pairs win). A value is
 * coerced only when the tool's input schema says the property is a number, integer, boolean,
 * object, array or null; otherwise it stays the string the user typed, so `id=007` is not
 * silently turned into 7.
 */
export function buildToolArguments(argsJson: string | undefined, pairs: string[], schema?: InputSchemaLike): Record<string, unknown> {
  const base = argsJson === undefined ? {} : parseArgsJson(argsJson);
  for (const [key, raw] of pairs.map(splitPair)) {
    base[key] = coerce(key, raw, propertyTypes(schema, key));
  }
  return base;
}

/** Prompt arguments are strings by definition (MCP prompts/get). */
export function buildPromptArguments(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.map(splitPair));
}

export function splitPair(pair: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq <= 0) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `Argument "${pair}" is not key=value.`,
      hint: 'Write arguments as name=value (e.g. text=hello count=3), or pass them all with --args \'{"text":"hello"}\'.',
    });
  }
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

function parseArgsJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `--args is not valid JSON: ${(error as Error).message}`,
      hint: 'Quote the JSON for your shell, e.g. --args \'{"a": 1, "b": 2}\'.',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PeriscopeError({ kind: 'invalid-input', message: '--args must be a JSON object.', hint: 'For example: --args \'{"text": "hello"}\'.' });
  }
  return value as Record<string, unknown>;
}

function propertyTypes(schema: InputSchemaLike | undefined, key: string): string[] {
  const type = schema?.properties?.[key]?.type;
  if (type === undefined) return [];
  return Array.isArray(type) ? type : [type];
}

function coerce(key: string, raw: string, types: string[]): unknown {
  if (types.length === 0 || types.includes('string')) return raw;
  if (types.includes('null') && raw === 'null') return null;
  if ((types.includes('number') || types.includes('integer')) && raw.trim() !== '' && Number.isFinite(Number(raw))) {
    const n = Number(raw);
    if (types.includes('number') || Number.isInteger(n)) return n;
  }
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('object') || types.includes('array')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (types.includes(Array.isArray(parsed) ? 'array' : typeof parsed === 'object' && parsed !== null ? 'object' : '')) return parsed;
    } catch {
      // fall through to the error below
    }
  }
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: `Argument "${key}" must be ${types.join(' or ')} according to the tool's input schema; got "${raw}".`,
    hint: types.includes('object') || types.includes('array') ? `Pass JSON, e.g. ${key}='{"a":1}' or ${key}='[1,2]'.` : `For example: ${key}=${example(types)}.`,
  });
}

function example(types: string[]): string {
  if (types.includes('boolean')) return 'true';
  if (types.includes('integer')) return '3';
  return '1.5';
}
