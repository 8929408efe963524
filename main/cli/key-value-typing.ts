import { declaredPropertyNames, describeEffectiveType, effectiveType, fitsTypes, propertySchema, type JsonType } from '../../shared/schema/effective-type';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { inexactNumber, parseExactJson } from './exact-json';

/** A JSON number literal (RFC 8259): `007`, `+1`, `.5` and `1.` are not numbers, they stay text. */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The value of one `key=value` argument, typed by the property's effective type in the tool's
 * input schema (shared/schema/effective-type.ts: type lists, nullable, enum/const, local $ref,
 * anyOf/oneOf/allOf). The text is tried as, in this order, each only when the schema allows it:
 *   null      the literal `null`
 *   boolean   `true` or `false`
 *   integer   a JSON number literal without fraction (`5`, `-3`, `1e3`)
 *   number    any JSON number literal (`1.5`, `2e-3`)
 *   object / array   JSON text (`{"a":1}`, `[1,2]`)
 *   string    the text as typed
 * When the schema lists values (enum/const), the first reading that is one of them wins.
 * A property the schema does not describe keeps the text as typed (`id=007` stays "007").
 *
 * Throws `invalid-input` (exit 11) when the text fits none of the types, when the schema allows
 * no such property (`additionalProperties: false`), and for a number that would not reach the
 * server with the digits typed (beyond ±2^53 − 1, too many digits, out of range).
 */
export function typedArgument(key: string, raw: string, inputSchema: unknown): unknown {
  const property = inputSchema === undefined ? undefined : propertySchema(inputSchema, key);
  if (property === false) throw notAllowed(key, inputSchema);
  const type = property === undefined || property === true ? {} : effectiveType(property, inputSchema);
  if (!type.types) return raw;
  const types = type.types;
  const readings = readingsOf(key, raw, types);
  const chosen = type.values ? (readings.find((r) => type.values!.some((v) => sameValue(v, r))) ?? readings[0]) : readings[0];
  if (readings.length > 0) return chosen;
  throw doesNotFit(key, raw, types, describeEffectiveType(type));
}

function readingsOf(key: string, raw: string, types: JsonType[]): unknown[] {
  const readings: unknown[] = [];
  if (raw === 'null' && types.includes('null')) readings.push(null);
  if ((raw === 'true' || raw === 'false') && types.includes('boolean')) readings.push(raw === 'true');
  if (JSON_NUMBER.test(raw) && (types.includes('integer') || types.includes('number'))) {
    const refused = inexactNumber(raw, `Argument "${key}"`, stringHint(key, raw, types));
    if (refused) throw refused;
    const n = Number(raw);
    if (types.includes('number') || Number.isInteger(n)) readings.push(n);
  }
  if ((types.includes('object') || types.includes('array')) && /^\s*[[{]/.test(raw)) {
    const parsed = jsonReading(key, raw);
    if (parsed !== undefined && fitsTypes(parsed, types)) readings.push(parsed);
  }
  if (types.includes('string')) readings.push(raw);
  return readings;
}

function jsonReading(key: string, raw: string): unknown {
  try {
    return parseExactJson(raw, `argument "${key}"`);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // not JSON: the "must be" error below says what is expected
    throw error;
  }
}

function stringHint(key: string, raw: string, types: JsonType[]): string {
  return types.includes('string')
    ? `The tool's schema also accepts a string here: send the digits as one with --args '{"${key}": "${raw}"}'.`
    : `The tool's schema wants a number here, so the server would get another value; ask for the id as a string, or pass a value within ±${Number.MAX_SAFE_INTEGER}.`;
}

function doesNotFit(key: string, raw: string, types: JsonType[], described: string): PeriscopeError {
  const wanted = types.length === 0 ? 'nothing (the schema allows no value)' : types.join(' or ');
  const listed = described !== types.join('|') ? ` (${described.replaceAll('|', ', ')})` : '';
  return new PeriscopeError({
    kind: 'invalid-input',
    message: `Argument "${key}" must be ${wanted}${listed} according to the tool's input schema; got "${raw}".`,
    hint: `${exampleFor(key, types)} --args sends JSON exactly as written, if you mean to send something else.`,
    detail: { argument: key, value: raw, types },
  });
}

function exampleFor(key: string, types: JsonType[]): string {
  if (types.includes('object') || types.includes('array')) return `Pass JSON, e.g. ${key}='{"a":1}' or ${key}='[1,2]'.`;
  if (types.includes('boolean')) return `For example: ${key}=true.`;
  if (types.includes('integer')) return `For example: ${key}=3.`;
  if (types.includes('number')) return `For example: ${key}=1.5.`;
  if (types.includes('null')) return `For example: ${key}=null.`;
  return '';
}

function notAllowed(key: string, inputSchema: unknown): PeriscopeError {
  const names = declaredPropertyNames(inputSchema);
  return new PeriscopeError({
    kind: 'invalid-input',
    message: `The tool's input schema allows no argument "${key}" (its schema is false, or additionalProperties is false).`,
    hint: `${names.length > 0 ? `Its arguments: ${names.join(', ')}.` : 'It takes no arguments.'} --args sends JSON exactly as written, if you mean to test the server's validation.`,
    detail: { argument: key, known: names },
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
