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
 * error, no error of each anyOf/oneOf alternative (the alternative's own error says enough).
 * Local references (#/$defs/..., #/definitions/...) resolve; nothing is fetched. The value is
 * judged as JSON would carry it (asJsonData): a member the form left `undefined` is absent.
 */
export function violations(schema: unknown, value: unknown): Violation[] {
  const result = validatorFor(schema).validate(asJsonData(value));
  if (result.valid) return [];
  return result.errors.filter(isLeaf).map(toViolation);
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
