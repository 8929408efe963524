import { describe, expect, it } from 'vitest';
import { asWritten, constantChoiceTyped, nullAlternativeAsValue, typeListAsChoice } from '../../../renderer/workbench/drawable-choices';
import { formSchemaOf, withoutAlternativeNames } from '../../../renderer/workbench/named-alternatives';
import { violations } from '../../../renderer/workbench/schema-validation';

/**
 * The tool form's copy rewrites nullable and single-value choices so rjsf draws them usably
 * (null can be chosen and is sent; an emptied field stays; a union of literals is a select).
 * Each rewrite must accept and refuse exactly what the tool's schema does, and be undone whole
 * for whatever shows the schema to the user.
 */
const VALUES = [null, 0, 5, -1, 2.5, 'a', 'b', 'c', '', true, [], [1], {}, { id: 1 }, { id: 'x' }, 7, 8];

function expectSameVerdicts(schema: Record<string, unknown>) {
  const wrapped = { type: 'object', properties: { p: schema }, required: ['p'] };
  const copy = formSchemaOf(wrapped);
  for (const value of VALUES) {
    expect(violations(copy, { p: value }).length > 0, `${JSON.stringify(schema)} with ${JSON.stringify(value)}`).toBe(violations(wrapped, { p: value }).length > 0);
  }
  expect(violations(copy, {}).length).toBe(violations(wrapped, {}).length);
  expect(withoutAlternativeNames(copy)).toEqual(wrapped);
}

describe('typeListAsChoice', () => {
  it('makes a type and null a choice, keeping what describes the parameter on it and the rest on the type', () => {
    const given = { type: ['integer', 'null'], title: 'Limit', description: 'at most', default: null, minimum: 1, maximum: 10 };
    const choice = typeListAsChoice(given);
    expect(choice).toMatchObject({ title: 'Limit', description: 'at most', default: null, anyOf: [{ type: 'integer', minimum: 1, maximum: 10 }, { type: 'null' }] });
    expect(choice).not.toHaveProperty('type');
    expect(given.type).toEqual(['integer', 'null']);
    expect(asWritten(choice)).toEqual(given);
    expect(typeListAsChoice({ type: ['null', 'object'], properties: { id: { type: 'integer' } } })).toMatchObject({ anyOf: [{ type: 'object', properties: { id: { type: 'integer' } } }, { type: 'null' }] });
  });

  it('makes a list of several types a choice too, one alternative each, null last', () => {
    const given = { type: ['null', 'string', 'integer'], description: 'a name or a number', minLength: 2, minimum: 0 };
    const choice = typeListAsChoice(given);
    expect(choice).toMatchObject({
      description: 'a name or a number',
      anyOf: [{ type: 'string', minLength: 2, minimum: 0 }, { type: 'integer', minLength: 2, minimum: 0 }, { type: 'null' }],
    });
    expect(asWritten(choice)).toEqual(given);
    expect(typeListAsChoice({ type: ['string', 'integer'] })).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('leaves alone a list of one type, a repeated or unknown type, a list with its values, and a node with a choice already', () => {
    for (const node of [
      { type: ['string', 'string'] },
      { type: ['string', 'text'] },
      { type: ['null'] },
      { type: ['null', 'null'] },
      { type: 'string' },
      { type: ['string', 'null'], enum: ['a', null] },
      { type: ['string', 'null'], const: 'a' },
      { type: ['string', 'null'], anyOf: [{ minLength: 1 }, { type: 'null' }] },
    ]) {
      expect(typeListAsChoice(node)).toBe(node);
    }
  });

  it('accepts and refuses what the type list does, with and without constraints', () => {
    expectSameVerdicts({ type: ['integer', 'null'] });
    expectSameVerdicts({ type: ['null', 'integer'], minimum: 1, multipleOf: 5 });
    expectSameVerdicts({ type: ['string', 'null'], minLength: 1, pattern: '^[ab]' });
    expectSameVerdicts({ type: ['object', 'null'], properties: { id: { type: 'integer' } }, required: ['id'], additionalProperties: false });
    expectSameVerdicts({ type: ['array', 'null'], items: { type: 'integer' }, minItems: 1 });
    expectSameVerdicts({ type: ['string', 'integer', 'null'], minLength: 1, maximum: 6 });
    expectSameVerdicts({ type: ['object', 'array'], properties: { id: { type: 'integer' } }, items: { type: 'integer' } });
  });
});

describe('nullAlternativeAsValue', () => {
  it('writes a null alternative as a list of one type, and nothing else', () => {
    expect(nullAlternativeAsValue({ type: 'null', title: 'None' })).toEqual({ type: ['null'], title: 'None' });
    const other = { type: 'string' };
    expect(nullAlternativeAsValue(other)).toBe(other);
    expect(nullAlternativeAsValue(true)).toBe(true);
  });

  it('accepts and refuses what the choice does', () => {
    expectSameVerdicts({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expectSameVerdicts({ oneOf: [{ type: 'null', title: 'Nothing' }, { type: 'integer', minimum: 6 }] });
    expectSameVerdicts({ anyOf: [{ type: 'integer' }, { anyOf: [{ type: 'string' }, { type: 'null' }] }] });
  });
});

describe('constantChoiceTyped', () => {
  it('writes the one type of a choice of single values', () => {
    expect(constantChoiceTyped({ anyOf: [{ const: 'a' }, { type: 'string', const: 'b' }, { enum: ['c'] }] })).toMatchObject({ type: 'string' });
    expect(constantChoiceTyped({ oneOf: [{ const: 7 }, { const: 8 }] })).toMatchObject({ type: 'integer' });
    expect(constantChoiceTyped({ oneOf: [{ const: 7 }, { const: 2.5 }] })).toMatchObject({ type: 'number' });
    expect(constantChoiceTyped({ anyOf: [{ const: true }, { const: false }] })).toMatchObject({ type: 'boolean' });
  });

  it('writes an anyOf of distinct values as a oneOf (left unchosen by the defaults), and gives it back as written', () => {
    const given = { anyOf: [{ const: 'fast' }, { const: 'slow' }], description: 'speed' };
    const typed = constantChoiceTyped(given);
    expect(typed).toMatchObject({ type: 'string', oneOf: given.anyOf, description: 'speed' });
    expect(typed).not.toHaveProperty('anyOf');
    expect(asWritten(typed)).toEqual(given);
    // The same value twice: a oneOf would refuse it, so the anyOf stays.
    const twice = { anyOf: [{ const: 'a' }, { const: 'a', title: 'again' }] };
    expect(constantChoiceTyped(twice)).toMatchObject({ type: 'string', anyOf: twice.anyOf });
    expect(asWritten(constantChoiceTyped(twice))).toEqual(twice);
    const oneOf = { oneOf: [{ const: 1 }, { const: 2 }] };
    expect(asWritten(constantChoiceTyped(oneOf))).toEqual(oneOf);
  });

  it('leaves alone mixed types, values that are not scalars, alternatives that are not single values, and a typed node', () => {
    for (const node of [
      { anyOf: [{ const: 'a' }, { const: 7 }] },
      { anyOf: [{ const: 'a' }, { type: 'null' }] },
      { anyOf: [{ const: 'a' }, { const: null }] },
      { anyOf: [{ const: { id: 1 } }, { const: { id: 2 } }] },
      { anyOf: [{ const: 'a' }, { type: 'string' }] },
      { anyOf: [{ const: 'a' }, { enum: ['b', 'c'] }] },
      { anyOf: [] },
      { type: 'string', anyOf: [{ const: 'a' }, { const: 'b' }] },
    ]) {
      expect(constantChoiceTyped(node)).toBe(node);
    }
  });

  it('accepts and refuses what the choice does', () => {
    expectSameVerdicts({ anyOf: [{ const: 'a' }, { const: 'b' }] });
    expectSameVerdicts({ oneOf: [{ const: 7, title: 'seven' }, { const: 8 }] });
    expectSameVerdicts({ oneOf: [{ const: 5 }, { const: 2.5 }] });
    expectSameVerdicts({ anyOf: [{ const: 'a' }, { const: 'a', title: 'again' }, { const: 'b' }] });
  });
});
