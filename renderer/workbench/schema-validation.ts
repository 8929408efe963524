import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { asJsonData } from './json-data';

/**
 * JSON Schema validation in the renderer, by @cfworker/json-schema: a well-kept validator of
 * drafts 4 to 2020-12 that interprets the schema instead of compiling it to code. Compiling (as
 * ajv does) needs `new Function`, which the renderer's Content-Security-Policy forbids (no eval:
 * main/core/service/content-security-policy.ts).
 */

/** One problem with a value, where it is and what is wrong, in plain words. */
export interface Violation {
  /** JSON Pointer into the value, e.g. "/items/0/id" ("" for the value itself). */
  pointer: string;
  keyword: string;
  message: string;
  /** Where in the schema, e.g. "#/properties/items/items/properties/id/type". */
  schemaPath: string;
}

const validators = new WeakMap<object, Validator>();

/**
 * Every violation of `value` against `schema` (draft 2020-12 unless the schema's $schema says
 * draft-07 or 04), leaves only: no "Property x does not match schema" wrapper around the real
 * error, and an anyOf/oneOf that nothing matched as one error, "matches none of the allowed
 * forms", unless only one alternative is of the value's type: then that alternative's own errors
 * (a nullable count typed 0 where the minimum is 1: "0 is less than 1").
 * Local references (#/$defs/..., #/definitions/...) resolve; nothing is fetched. The value is
 * judged as JSON would carry it (asJsonData): a member the form left `undefined` is absent.
 */
export function violations(schema: unknown, value: unknown): Violation[] {
  const result = validatorFor(schema).validate(asJsonData(value));
  if (result.valid) return [];
  return result.errors.filter(isLeaf).flatMap((unit) => explained(unit, result.errors)).map(toViolation);
}

/** True when `value` satisfies `schema` (stops at the first error). */
export function satisfies(schema: unknown, value: unknown): boolean {
  return violations(schema, value).length === 0;
}

function validatorFor(schema: unknown): Validator {
  if (typeof schema === 'boolean') return new Validator(schema);
  const key = (schema ?? {}) as object;
  let validator = validators.get(key);
  if (!validator) {
    // The validator writes resolution notes into the schema it is given: give it a copy.
    const copy = structuredClone(key) as Schema;
    validator = new Validator(copy, draftOf(copy), false);
    validators.set(key, validator);
  }
  return validator;
}

function draftOf(schema: Schema): '4' | '7' | '2019-09' | '2020-12' {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (declared.includes('draft-04')) return '4';
  if (declared.includes('draft-07') || declared.includes('draft-06')) return '7';
  if (declared.includes('2019-09')) return '2019-09';
  return '2020-12';
}

/** Keywords whose error only says "something inside failed": the inner error is kept instead. */
const WRAPPERS = new Set(['properties', 'items', 'prefixItems', '$ref', '$dynamicRef', '$recursiveRef', 'allOf', 'false', 'dependentSchemas', 'then', 'else', 'if']);
const ALTERNATIVE = /\/(anyOf|oneOf)\/\d+(\/|$)/;
/** The validator's oneOf error: "Instance does not match exactly one subschema (2 matches)." */
const ONE_OF_MATCHES = /\((\d+) match(?:es)?\)/;

function isLeaf(unit: OutputUnit): boolean {
  return !WRAPPERS.has(unit.keyword) && !ALTERNATIVE.test(unit.keywordLocation);
}

/**
 * An anyOf/oneOf nothing matched, as the errors of the one alternative the value was meant for:
 * the only one without a type error of its own on the value itself. With no such alternative,
 * or several (a value of none of the types; a choice of single values), the unit as it is.
 * `errors` are the validator's, in which each alternative's sit under `<unit's path>/<index>/`.
 */
function explained(unit: OutputUnit, errors: readonly OutputUnit[]): OutputUnit[] {
  if (unit.keyword !== 'anyOf' && unit.keyword !== 'oneOf') return [unit];
  if (Number(ONE_OF_MATCHES.exec(unit.error)?.[1] ?? 0) > 1) return [unit];
  const base = `${unit.keywordLocation}/`;
  const byAlternative = new Map<string, OutputUnit[]>();
  for (const error of errors) {
    if (!error.keywordLocation.startsWith(base)) continue;
    const index = error.keywordLocation.slice(base.length).split('/', 1)[0]!;
    const inside = byAlternative.get(index);
    if (inside) inside.push(error);
    else byAlternative.set(index, [error]);
  }
  // An alternative's own type error: on the value itself, not inside a choice of its own.
  const ownTypeError = (error: OutputUnit) => error.keyword === 'type' && error.instanceLocation === unit.instanceLocation && !ALTERNATIVE.test(error.keywordLocation.slice(base.length - 1).replace(/^\/\d+/, ''));
  const ofTheType = [...byAlternative].filter(([, inside]) => !inside.some(ownTypeError));
  if (ofTheType.length !== 1) return [unit];
  const [index, inside] = ofTheType[0]!;
  const prefix = `${base}${index}`;
  const shown = inside.filter((error) => !WRAPPERS.has(error.keyword) && !ALTERNATIVE.test(error.keywordLocation.slice(prefix.length))).flatMap((error) => explained(error, inside));
  return shown.length > 0 ? shown : [unit];
}

function toViolation(unit: OutputUnit): Violation {
  const pointer = unit.instanceLocation.replace(/^#/, '');
  return { pointer, keyword: unit.keyword, message: plainWords(unit), schemaPath: unit.keywordLocation };
}

function plainWords(unit: OutputUnit): string {
  const quoted = /"([^"]*)"/g;
  const words = [...unit.error.matchAll(quoted)].map((m) => m[1]);
  switch (unit.keyword) {
    case 'type':
      return `must be ${article(words[words.length - 1] ?? 'another type')}`;
    case 'required':
      return `"${words[0]}" is required`;
    case 'format':
      return `must be a valid ${words[0]}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `"${words[0]}" is not allowed here`;
    case 'anyOf':
    case 'oneOf':
      return unit.keyword === 'oneOf' && Number(ONE_OF_MATCHES.exec(unit.error)?.[1] ?? 0) > 1 ? 'matches more than one of the allowed forms (oneOf allows exactly one)' : 'matches none of the allowed forms';
    case 'enum':
      return `must be one of ${allowedValues(unit.error)}`;
    case 'const':
      return 'must be the fixed value';
    default:
      return unit.error.replace(/^Instance /, '');
  }
}

/** The values an enum allows, as the validator's message lists them: the first six, each cut at 40 characters. */
function allowedValues(error: string): string {
  const listed = /any of (\[.*\])\.$/s.exec(error)?.[1];
  let values: unknown[];
  try {
    values = listed ? (JSON.parse(listed) as unknown[]) : [];
  } catch {
    values = [];
  }
  if (values.length === 0) return 'the allowed values';
  const shown = values.slice(0, 6).map((value) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  });
  return `${shown.join(', ')}${values.length > shown.length ? `, … (${values.length} in all)` : ''}`;
}

function article(type: string): string {
  return type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
