import { describe, expect, it } from 'vitest';
import { describeEffectiveType, effectiveType, propertySchema } from '../../../shared/schema/effective-type';
import { typedArgument } from '../../../main/cli/key-value-typing';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

/**
 * Real-world-shaped tool input schemas (pydantic, zod-to-json-schema, OpenAPI 3.0 generators,
 * hand-written ones), each with the type the `tools` listing shows for property `p` and what
 * key=value arguments become: a value, or the refusal (an invalid-input error matching a pattern).
 */
interface Case {
  name: string;
  /** The whole inputSchema; `p` is the property under test unless `key` says otherwise. */
  schema: Record<string, unknown>;
  key?: string;
  shown: string;
  args: Array<[raw: string, expected: unknown | RegExp]>;
}

const obj = (p: unknown, extra: Record<string, unknown> = {}) => ({ type: 'object', properties: { p }, ...extra });
const BIG = '7960607143101464577';

const CORPUS: Case[] = [
  { name: 'pydantic Optional[int] (anyOf integer | null)', schema: obj({ anyOf: [{ type: 'integer' }, { type: 'null' }], default: null, title: 'P' }), shown: 'integer|null', args: [['5', 5], ['null', null], ['-3', -3], ['five', /must be integer or null/], ['1.5', /must be integer or null/]] },
  { name: 'type list ["integer", "null"]', schema: obj({ type: ['integer', 'null'] }), shown: 'integer|null', args: [['5', 5], ['null', null]] },
  { name: 'OpenAPI 3.0 nullable string', schema: obj({ type: 'string', nullable: true }), shown: 'string|null', args: [['null', null], ['abc', 'abc'], ['5', '5']] },
  { name: 'OpenAPI nullable next to anyOf', schema: obj({ anyOf: [{ type: 'integer' }], nullable: true }), shown: 'integer|null', args: [['7', 7], ['null', null]] },
  { name: 'pydantic enum through $ref to $defs', schema: obj({ $ref: '#/$defs/Color' }, { $defs: { Color: { enum: ['red', 'green'], title: 'Color', type: 'string' } } }), shown: '"red"|"green"', args: [['red', 'red'], ['blue', 'blue']] },
  { name: 'zod-to-json-schema #/definitions reference', schema: obj({ $ref: '#/definitions/Limit' }, { definitions: { Limit: { type: 'integer', minimum: 1 } } }), shown: 'integer', args: [['10', 10], ['ten', /must be integer/]] },
  { name: 'numeric enum without type', schema: obj({ enum: [1, 2, 3] }), shown: '1|2|3', args: [['2', 2], ['x', /must be integer \(1, 2, 3\)/]] },
  { name: 'string const', schema: obj({ const: 'v1' }), shown: '"v1"', args: [['v1', 'v1']] },
  { name: 'number const', schema: obj({ const: 42 }), shown: '42', args: [['42', 42]] },
  { name: 'oneOf boolean | "auto"', schema: obj({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['auto'] }] }), shown: 'string|boolean', args: [['true', true], ['auto', 'auto']] },
  { name: 'allOf $ref integer with a description part', schema: obj({ allOf: [{ $ref: '#/$defs/Count' }, { description: 'how many' }] }, { $defs: { Count: { type: 'integer', minimum: 0 } } }), shown: 'integer', args: [['3', 3]] },
  { name: 'allOf number ∩ integer is integer', schema: obj({ allOf: [{ type: 'number' }, { type: 'integer' }] }), shown: 'integer', args: [['4', 4], ['1.5', /must be integer/]] },
  { name: 'plain number: JSON number literals only', schema: obj({ type: 'number' }), shown: 'number', args: [['1e3', 1000], ['1.5', 1.5], ['-0.25', -0.25], ['.5', /must be number/], ['0x10', /must be number/], ['007', /must be number/]] },
  { name: 'integer accepts an integral literal with fraction or exponent', schema: obj({ type: 'integer' }), shown: 'integer', args: [['1.0', 1], ['1e2', 100]] },
  { name: 'array of strings from JSON text', schema: obj({ type: 'array', items: { type: 'string' } }), shown: 'array', args: [['["a","b"]', ['a', 'b']], ['a,b', /must be array/], ['{"a":1}', /must be array/]] },
  { name: 'object from JSON text', schema: obj({ type: 'object', properties: { a: { type: 'integer' } } }), shown: 'object', args: [['{"a":1}', { a: 1 }], ['[1]', /must be object/]] },
  { name: 'pydantic Optional[List[str]]', schema: obj({ anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] }), shown: 'array|null', args: [['null', null], ['[]', []]] },
  { name: 'string: null, true and digits stay text', schema: obj({ type: 'string' }), shown: 'string', args: [['null', 'null'], ['true', 'true'], ['007', '007'], [BIG, BIG]] },
  { name: 'no schema for the property: the text as typed', schema: obj({}), shown: 'any', args: [['5', '5'], ['null', 'null']] },
  { name: 'property not described at all', schema: { type: 'object', properties: {} }, key: 'other', shown: 'any', args: [['42', '42']] },
  { name: 'additionalProperties: false refuses an unknown argument', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, key: 'typo', shown: 'nothing (the schema allows no value)', args: [['1', /allows no argument "typo"/]] },
  { name: 'additionalProperties schema types unknown arguments', schema: { type: 'object', additionalProperties: { type: 'integer' } }, key: 'anything', shown: 'integer', args: [['9', 9]] },
  { name: 'patternProperties', schema: { type: 'object', patternProperties: { '^x-': { type: 'boolean' } } }, key: 'x-flag', shown: 'boolean', args: [['false', false], ['no', /must be boolean/]] },
  { name: 'top-level $ref to the arguments object', schema: { $ref: '#/$defs/Args', $defs: { Args: { type: 'object', properties: { p: { type: 'integer' } } } } }, shown: 'integer', args: [['5', 5]] },
  { name: 'top-level allOf of argument objects', schema: { allOf: [{ type: 'object', properties: { q: { type: 'string' } } }, { properties: { p: { type: 'number' } } }] }, shown: 'number', args: [['2.5', 2.5]] },
  { name: '$ref cycle ends as unconstrained, without hanging', schema: obj({ $ref: '#/$defs/A' }, { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } }), shown: 'any', args: [['1', '1']] },
  { name: '$anchor reference', schema: obj({ $ref: '#count' }, { $defs: { C: { $anchor: 'count', type: 'integer' } } }), shown: 'integer', args: [['8', 8]] },
  { name: 'JSON-pointer escapes in a $ref (~1, ~0, %25)', schema: obj({ $ref: '#/$defs/a~1b~0c%25' }, { $defs: { 'a/b~c%': { type: 'boolean' } } }), shown: 'boolean', args: [['true', true]] },
  { name: 'a network $ref is not fetched; its siblings count', schema: obj({ $ref: 'https://example.com/schemas/id.json', type: 'string' }), shown: 'string', args: [['5', '5']] },
  { name: 'number | string: numbers when the text is a JSON number, else text', schema: obj({ type: ['number', 'string'] }), shown: 'string|number', args: [['5', 5], ['abc', 'abc'], ['007', '007']] },
  { name: 'enum holding 1 and "1" prefers the number', schema: obj({ enum: [1, '1'] }), shown: '1|"1"', args: [['1', 1]] },
  { name: 'enum with null', schema: obj({ enum: ['a', null] }), shown: '"a"|null', args: [['null', null], ['a', 'a']] },
  { name: 'nested unions: oneOf inside anyOf', schema: obj({ anyOf: [{ oneOf: [{ type: 'integer' }, { type: 'boolean' }] }, { type: 'null' }] }), shown: 'integer|boolean|null', args: [['3', 3], ['false', false], ['null', null]] },
  { name: 'false property schema allows nothing', schema: obj(false), shown: 'nothing (the schema allows no value)', args: [['1', /allows no argument "p"/]] },
  { name: 'type ∩ enum narrows the listed values', schema: obj({ type: 'string', enum: ['a', 1, 'b'] }), shown: '"a"|"b"', args: [['a', 'a']] },
  { name: 'integer beyond 2^53 is refused, naming the limit', schema: obj({ type: 'integer' }), shown: 'integer', args: [[BIG, /is 7960607143101464577, beyond ±2\^53 − 1 \(9007199254740991\).*would be sent as 7960607143101464576/], ['9007199254740991', 9007199254740991], ['-9007199254740993', /beyond ±2\^53/]] },
  { name: 'a decimal with more digits than a double keeps is refused', schema: obj({ type: 'number' }), shown: 'number', args: [['0.1000000000000000000001', /more significant digits/], ['1e400', /too large/], ['1e-400', /too small/]] },
  { name: 'big integers inside JSON text are refused too', schema: obj({ type: 'array' }), shown: 'array', args: [[`[1, ${BIG}]`, /argument "p" at \[1\] is 7960607143101464577/]] },
];

describe('effective types over a corpus of real-world-shaped schemas', () => {
  it('holds at least 20 schemas', () => expect(CORPUS.length).toBeGreaterThanOrEqual(20));

  it.each(CORPUS)('$name', ({ schema, key = 'p', shown, args }) => {
    const property = propertySchema(schema, key);
    const listed = property === false ? 'nothing (the schema allows no value)' : describeEffectiveType(typeof property === 'object' ? effectiveType(property, schema) : {});
    expect(listed).toBe(shown);
    for (const [raw, expected] of args) {
      if (expected instanceof RegExp) {
        let error: unknown;
        try {
          typedArgument(key, raw, schema);
        } catch (e) {
          error = e;
        }
        expect(isPeriscopeError(error) && error.info.kind, `${key}=${raw}`).toBe('invalid-input');
        expect(isPeriscopeError(error) && error.info.message, `${key}=${raw}`).toMatch(expected);
      } else {
        expect(typedArgument(key, raw, schema), `${key}=${raw}`).toEqual(expected);
      }
    }
  });
});

describe('effectiveType', () => {
  it('gives the types in a fixed order and folds integer into number in a union', () => {
    expect(effectiveType({ anyOf: [{ type: 'null' }, { type: 'integer' }, { type: 'number' }] }).types).toEqual(['number', 'null']);
  });

  it('keeps a depth bound on deeply nested unions', () => {
    let schema: Record<string, unknown> = { type: 'integer' };
    for (let i = 0; i < 100; i++) schema = { anyOf: [schema] };
    expect(effectiveType(schema)).toEqual({});
  });

  it('ignores unknown type names rather than guessing', () => {
    expect(effectiveType({ type: 'text' })).toEqual({});
  });
});
