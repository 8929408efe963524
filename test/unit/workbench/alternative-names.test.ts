import { describe, expect, it } from 'vitest';
import { alternativeNames } from '../../../renderer/workbench/alternative-names';

/**
 * The names the tool form's select gives anyOf/oneOf alternatives in place of rjsf's "Option 1",
 * "Option 2": an author's title as written, else what the alternative is, and never two alike.
 */
const names = (alternatives: unknown[], root: unknown = { anyOf: alternatives }) => alternativeNames(alternatives, root);

describe('alternativeNames', () => {
  it('names plain types, with null as the JSON it sends and a format in brackets', () => {
    expect(names([{ type: 'string' }, { type: 'null' }])).toEqual(['string', 'null']);
    expect(names([{ type: 'integer' }, { type: 'number' }, { type: 'boolean' }])).toEqual(['integer', 'number', 'boolean']);
    expect(names([{ type: 'string', format: 'date-time' }, { type: 'integer', format: 'int64' }])).toEqual(['string (date-time)', 'integer (int64)']);
    expect(names([{ type: ['string', 'null'] }, { type: 'number', nullable: true }])).toEqual(['string or null', 'number or null']);
  });

  it('shows a const or an enum as its JSON values, so "null" the string is not null the value', () => {
    expect(names([{ const: 'fast' }, { const: 5 }, { const: null }, { const: 'null' }])).toEqual(['"fast"', '5', 'null', '"null"']);
    expect(names([{ type: 'string', enum: ['red', 'blue'] }, { type: 'null' }])).toEqual(['"red" | "blue"', 'null']);
    expect(names([{ enum: ['a', 'b', 'c', 'd', 'e'] }, { type: 'string' }])).toEqual(['"a" | "b" | "c" | … (5 values)', 'string']);
    expect(names([{ const: 'x'.repeat(50) }, { type: 'string' }])[0]).toBe(`"${'x'.repeat(28)}…`);
  });

  it('names an object by its first properties and an array by what it holds', () => {
    expect(names([{ type: 'object', properties: { name: {}, age: {} } }, { properties: { a: {}, b: {}, c: {}, d: {} } }])).toEqual(['object (name, age)', 'object (a, b, c, …)']);
    expect(names([{ type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'array', items: { type: 'integer' } } }])).toEqual([
      'array of string',
      'array of array of integer',
    ]);
    expect(names([{ type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] }, { type: 'array' }])).toEqual(['array (number, number)', 'array']);
    expect(names([{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'object' }])).toEqual(['map of string', 'object']);
  });

  it('keeps an author’s title as written, also a $ref target’s, and a title next to a $ref wins', () => {
    const root = { $defs: { Point: { title: 'A point on the map', type: 'object', properties: { x: {}, y: {} } } } };
    expect(names([{ title: 'By ID', type: 'integer' }, { type: 'string' }], root)).toEqual(['By ID', 'string']);
    expect(names([{ $ref: '#/$defs/Point' }, { $ref: '#/$defs/Point', title: 'Home' }], root)).toEqual(['A point on the map', 'Home']);
    // A title that says nothing more than the type is still the author's word.
    expect(names([{ title: 'object', type: 'object' }, { type: 'null' }])).toEqual(['object', 'null']);
  });

  it('names an untitled $ref by its last segment: a pointer (escapes undone), an anchor, a file', () => {
    const root = { $defs: { Address: { type: 'object', properties: { street: {} } }, 'a/b': { type: 'string' }, Tag: { $anchor: 'tag', type: 'string' } } };
    expect(names([{ $ref: '#/$defs/Address' }, { $ref: '#/$defs/a~1b' }, { $ref: '#tag' }, { $ref: 'https://example.com/schemas/money.json' }], root)).toEqual([
      'Address',
      'a/b',
      'tag',
      'money.json',
    ]);
    expect(names([{ type: 'array', items: { $ref: '#/$defs/Address' } }, { type: 'null' }], root)).toEqual(['array of Address', 'null']);
  });

  it('names a nested anyOf or oneOf by its branches, and an allOf by its parts', () => {
    const root = { $defs: { Base: { type: 'object', properties: { id: {} } } } };
    expect(names([{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'null' }], root)).toEqual(['string or number', 'null']);
    expect(names([{ oneOf: [{ type: 'string' }, { oneOf: [{ type: 'integer' }, { title: 'Flag', type: 'boolean' }] }] }, { type: 'null' }], root)).toEqual([
      'string or integer or Flag',
      'null',
    ]);
    expect(names([{ allOf: [{ $ref: '#/$defs/Base' }, { properties: { extra: {} } }] }, {}], root)).toEqual(['Base and object (extra)', 'any value']);
  });

  it('tells alike alternatives apart: constraints, properties with their types, else their position', () => {
    expect(names([{ type: 'string', pattern: '^\\d+$' }, { type: 'string', maxLength: 3 }])).toEqual(['string (pattern ^\\d+$)', 'string (≤ 3 characters)']);
    expect(names([{ type: 'integer', minimum: 0, maximum: 9 }, { type: 'integer', exclusiveMinimum: 9 }])).toEqual(['integer (0 to 9)', 'integer (> 9)']);
    expect(names([{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'object', properties: { id: { type: 'integer' } } }])).toEqual([
      'object (id: string)',
      'object (id: integer)',
    ]);
    expect(names([{ type: 'object' }, { type: 'string' }, { type: 'object' }])).toEqual(['object #1', 'string', 'object #3']);
    // Two $refs of one name in different places: their whole pointers.
    const root = { $defs: { a: { Item: { type: 'string' } }, b: { Item: { type: 'integer' } } } };
    expect(names([{ $ref: '#/$defs/a/Item' }, { $ref: '#/$defs/b/Item' }], root)).toEqual(['$defs/a/Item', '$defs/b/Item']);
  });

  it('numbers a generated name that reads like a title, leaving the title as written; two equal titles are both numbered', () => {
    expect(names([{ title: 'string', type: 'string', format: 'email' }, { type: 'string' }])).toEqual(['string', 'string #2']);
    expect(names([{ title: 'Item', type: 'string' }, { title: 'Item', type: 'integer' }])).toEqual(['Item #1', 'Item #2']);
  });

  it('copes with what is not a schema object: true, false, nothing known', () => {
    expect(names([true, false, {}, { description: 'anything' }])).toEqual(['any value #1', 'no value', 'any value #3', 'any value #4']);
    expect(names([{ not: { type: 'null' } }, { type: 'null' }])).toEqual(['not null', 'null']);
  });

  it('cuts a long generated name, and stops following a reference that loops', () => {
    const long = names([{ type: 'object', properties: Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`property_with_a_long_name_${i}`, {}])) }, { type: 'null' }]);
    expect(long[0].length).toBeLessThanOrEqual(60);
    expect(long[0].endsWith('…')).toBe(true);
    const loop = { anyOf: [{ $ref: '#' }, { type: 'null' }] };
    expect(alternativeNames(loop.anyOf, loop)).toHaveLength(2);
  });
});
