import { describe, expect, it } from 'vitest';
import { violations } from '../../../renderer/workbench/schema-validation';

/** Violations in plain words, as the Tools section shows them next to a field or under a result. */
describe('violations', () => {
  it('names the values an enum allows', () => {
    expect(violations({ enum: ['clear', 'cloudy'] }, 'purple')).toEqual([expect.objectContaining({ pointer: '', keyword: 'enum', message: 'must be one of "clear", "cloudy"' })]);
    expect(violations({ type: 'object', properties: { n: { enum: [1, null, { a: 1 }] } } }, { n: 2 })[0]).toMatchObject({ pointer: '/n', message: 'must be one of 1, null, {"a":1}' });
  });

  it('shows six of a long enum and how many there are, each value cut at 40 characters', () => {
    const long = 'x'.repeat(100);
    const [violation] = violations({ enum: [long, 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }, 'z');
    expect(violation!.message).toBe(`must be one of "${'x'.repeat(38)}…, "b", "c", "d", "e", "f", … (8 in all)`);
  });

  it('keeps its other plain words: type, required, format', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, mail: { type: 'string', format: 'email' } }, required: ['b'] };
    const messages = violations(schema, { a: 1, mail: 'nope' }).map((v) => `${v.pointer} ${v.message}`).sort();
    expect(messages).toEqual([' "b" is required', '/a must be a string', '/mail must be a valid email']);
  });

  it('tells a oneOf that matches none of its forms from one that matches more than one', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] };
    expect(violations(schema, 'x')[0]).toMatchObject({ keyword: 'oneOf', message: 'matches none of the allowed forms' });
    expect(violations(schema, 5)[0]).toMatchObject({ keyword: 'oneOf', message: 'matches more than one of the allowed forms (oneOf allows exactly one)' });
    expect(violations(schema, 1.5)).toEqual([]);
    expect(violations({ anyOf: [{ type: 'integer' }, { type: 'boolean' }] }, 'x')[0]).toMatchObject({ keyword: 'anyOf', message: 'matches none of the allowed forms' });
  });

  it("explains a choice nothing matched by the one alternative of the value's type", () => {
    const schema = {
      type: 'object',
      $defs: { Address: { type: 'object', properties: { street: { type: 'string' } }, required: ['street'] } },
      properties: {
        count: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
        name: { oneOf: [{ type: ['null'] }, { type: 'string', minLength: 3 }] },
        where: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'null' }] },
        nested: { anyOf: [{ anyOf: [{ type: 'string', pattern: '^a' }, { type: 'integer' }] }, { type: 'null' }] },
      },
    };
    const shown = (value: unknown) => violations(schema, value).map((v) => `${v.pointer} ${v.keyword}: ${v.message}`);
    expect(shown({ count: 0 })).toEqual(['/count minimum: 0 is less than 1.']);
    expect(shown({ name: 'ab' })).toEqual(['/name minLength: String is too short (2 < 3).']);
    expect(shown({ where: {} })).toEqual(['/where required: "street" is required']);
    expect(shown({ nested: 'b' })[0]).toMatch(/^\/nested pattern: /);
    // Of none of the types, or of the type of several alternatives: the choice as a whole.
    expect(shown({ count: 'x' })).toEqual(['/count anyOf: matches none of the allowed forms']);
    expect(shown({ nested: true })).toEqual(['/nested anyOf: matches none of the allowed forms']);
    const twoStrings = { anyOf: [{ type: 'string', minLength: 5 }, { type: 'string', pattern: '^z' }] };
    expect(violations(twoStrings, 'abc').map((v) => v.message)).toEqual(['matches none of the allowed forms']);
    const values = { anyOf: [{ const: 'a' }, { const: 'b' }] };
    expect(violations(values, 'c').map((v) => v.message)).toEqual(['matches none of the allowed forms']);
  });
});
