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
});
