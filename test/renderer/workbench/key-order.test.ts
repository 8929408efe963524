import { describe, expect, it } from 'vitest';
import { inTypedKeyOrder } from '../../../renderer/workbench/key-order';

describe('inTypedKeyOrder', () => {
  it('puts keys back in the order typed, at every depth and in arrays, new keys after', () => {
    const typed = { a: null, b: { x: 1, y: {} }, c: [{ p: 1, q: 2 }] };
    const edited = { b: { y: {}, x: 2 }, c: [{ q: 2, p: 1 }, { r: 3 }], d: 'new', a: null };
    const ordered = inTypedKeyOrder(typed, edited);
    expect(JSON.stringify(ordered)).toBe('{"a":null,"b":{"x":2,"y":{}},"c":[{"p":1,"q":2},{"r":3}],"d":"new"}');
  });

  it('drops keys the edit removed and keeps the edit\'s values, whatever their type became', () => {
    expect(JSON.stringify(inTypedKeyOrder({ a: 1, b: { c: 1 }, d: [1] }, { d: 'text', b: null }))).toBe('{"b":null,"d":"text"}');
    expect(inTypedKeyOrder([1, 2], 'now a string')).toBe('now a string');
    expect(inTypedKeyOrder('typed', { a: 1 })).toEqual({ a: 1 });
  });

  it('keeps a "__proto__" key a plain key, as the JSON text has it', () => {
    const typed = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown;
    const edited = JSON.parse('{"a": 2, "__proto__": {"polluted": 1}}') as unknown;
    const ordered = inTypedKeyOrder(typed, edited) as Record<string, unknown>;
    expect(Object.keys(ordered)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(ordered)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
