import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { propertySchema, effectiveType } from '../../shared/schema/effective-type';
import { parseExactJson } from './exact-json';
import { typedArgument } from './key-value-typing';
import { setOwn } from '../../shared/json/own-property';

/**
 * Builds a tool's arguments from `--args JSON` and `key=value` pairs (pairs win). Each pair is
 * typed by the property's effective type in the tool's input schema (see key-value-typing.ts);
 * `--args` is sent as written, except that a number JSON cannot carry exactly (beyond
 * ±2^53 − 1, too many digits) is refused instead of silently changed (exit 11).
 */
export function buildToolArguments(argsJson: string | undefined, pairs: string[], inputSchema?: unknown): Record<string, unknown> {
  const base = argsJson === undefined ? {} : parseArgsJson(argsJson, inputSchema);
  for (const [key, raw] of pairs.map(splitPair)) {
    setOwn(base, key, typedArgument(key, raw, inputSchema));
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

/**
 * Checks that `--args` is a JSON object, before connecting (numbers are checked once the tool's
 * schema is known, so a refusal can say whether the tool takes a string instead).
 */
export function checkArgsJson(text: string): void {
  shapeChecked(() => JSON.parse(text));
}

function parseArgsJson(text: string, inputSchema?: unknown): Record<string, unknown> {
  return shapeChecked(() => parseExactJson(text, '--args', (path, digits) => stringAccepted(inputSchema, path, digits)));
}

function shapeChecked(parse: () => unknown): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `--args is not valid JSON: ${error.message}`,
      hint: 'Quote the JSON for your shell, e.g. --args \'{"a": 1, "b": 2}\'.',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PeriscopeError({ kind: 'invalid-input', message: '--args must be a JSON object.', hint: 'For example: --args \'{"text": "hello"}\'.' });
  }
  return value as Record<string, unknown>;
}

/** For a refused big number at a top-level argument whose schema accepts a string: say so. */
function stringAccepted(inputSchema: unknown, path: string, digits: string): string | undefined {
  if (inputSchema === undefined || !/^[^.[\]]+$/.test(path)) return undefined;
  const property = propertySchema(inputSchema, path);
  const types = typeof property === 'object' ? effectiveType(property, inputSchema).types : undefined;
  return types?.includes('string') ? `The tool's schema accepts a string for "${path}": write its digits in quotes, "${path}": "${digits}".` : undefined;
}
