import { describe, expect, it } from 'vitest';
import { asJsonData } from '../../../renderer/workbench/json-data';
import { violations } from '../../../renderer/workbench/schema-validation';

describe('asJsonData: a value as JSON carries it', () => {
  it('leaves out undefined members and turns undefined array items into null, at any depth, like JSON.stringify', () => {
    const values: unknown[] = [
      { a: undefined, b: 1 },
      { nested: { deeper: { x: undefined, y: [undefined, { z: undefined }] } } },
      [undefined, 1, [undefined]],
      { list: [{ id: undefined }, { id: 'k' }], keep: null },
    ];
    for (const value of values) expect(asJsonData(value)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('returns the very same value when nothing is undefined inside, and never changes its input', () => {
    const clean = { a: 1, b: [1, { c: 'x' }], d: null };
    expect(asJsonData(clean)).toBe(clean);
    const withHoles = Object.freeze({ a: undefined, b: Object.freeze([undefined]) });
    expect(asJsonData(withHoles)).toEqual({ b: [null] });
    expect(withHoles).toEqual({ a: undefined, b: [undefined] });
  });

  it('keeps a "__proto__" member as data, and leaves values past its depth limit as they are', () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}, "y": null}') as Record<string, unknown>;
    const out = asJsonData({ ...Object.fromEntries(Object.entries(parsed)), gone: undefined }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'y']);
    let deep: unknown = { leaf: undefined };
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    expect(() => asJsonData(deep)).not.toThrow();
  });
});

describe('violations of form data the user is still filling in', () => {
  const schema = { type: 'object', properties: { near: { anyOf: [{ type: 'object', properties: { street: { type: 'string' } }, required: ['street'] }, { type: 'null' }] }, tags: { type: 'array', items: { type: 'string' } } } };

  it('are those of the data as it would be sent, never an exception', () => {
    expect(violations(schema, { near: { street: undefined } }).map((v) => `${v.pointer} ${v.message}`)).toEqual(['/near "street" is required']);
    expect(violations(schema, { near: { street: 'x', city: undefined } })).toEqual([]);
    expect(violations(schema, { near: undefined })).toEqual([]);
    expect(violations(schema, { tags: ['a', undefined] }).map((v) => v.pointer)).toEqual(['/tags/1']);
  });
});
