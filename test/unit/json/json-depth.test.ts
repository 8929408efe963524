import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, pruneDepth, textDepth, valueDepth } from '../../../shared/json/json-depth';
import { jsonText } from '../../../shared/json/json-text';
import { deepText } from '../../fixtures/deep-json';

describe('JSON depth without recursion', () => {
  it('measures text and values the same way, brackets inside strings not counted', () => {
    const samples = ['1', '"x"', '{}', '[1]', '{"a":[1,{"b":[]}]}', '["[[[", "{{", "\\\\\\"[["]', '{"k\\"[":{"v":"]]]"}}'];
    const expected = [0, 0, 1, 1, 4, 1, 2];
    samples.forEach((text, i) => {
      expect(textDepth(text)).toBe(expected[i]);
      expect(valueDepth(JSON.parse(text))).toBe(expected[i]);
    });
  });

  it('measures 300,000 levels, and stops early when asked', () => {
    const text = deepText(300_000);
    const value = JSON.parse(text) as unknown; // V8 parses any depth; stringify would overflow
    expect(textDepth(text)).toBe(300_000);
    expect(valueDepth(value)).toBe(300_000);
    expect(textDepth(text, MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
    expect(valueDepth(value, 10)).toBe(11);
  });

  it('prunes any depth to the levels asked for, saying what was cut', () => {
    const pruned = pruneDepth(JSON.parse(deepText(100_000)), 3);
    expect(pruned).toEqual({ a: { a: { a: '[cut: nested deeper than Periscope shows]' } } });
    expect(pruneDepth({ a: [1, { b: 2 }], c: 'x' }, 5)).toEqual({ a: [1, { b: 2 }], c: 'x' });
  });
});

describe('jsonText: JSON.stringify without recursion', () => {
  it('gives what JSON.stringify gives for JSON data and its oddities', () => {
    const values: unknown[] = [
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'é ✓ 😀 "quoted"\n\u0001' }] } },
      [1, 'two', null, true, { three: [3.5, -0, 1e21] }],
      { skip: undefined, fn: () => 1, keep: 0, nested: { empty: {}, list: [] } },
      [undefined, () => 1, NaN, Infinity],
      { date: new Date(0) },
      'plain',
      42,
      null,
    ];
    for (const value of values) expect(jsonText(value)).toEqual({ text: JSON.stringify(value), complete: true });
    expect(jsonText(undefined)).toEqual({ text: '', complete: true });
  });

  it('serializes 100,000 levels, where JSON.stringify overflows the stack', () => {
    const text = deepText(100_000);
    const value = JSON.parse(text) as unknown;
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(jsonText(value)).toEqual({ text, complete: true });
  });

  it('stops at a character budget without serializing the rest (a 50 MB string costs nothing)', () => {
    const huge = { jsonrpc: '2.0', id: 7, result: { text: 'x'.repeat(50 * 1024 * 1024), after: 1 } };
    const started = performance.now();
    const prefix = jsonText(huge, 100);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(prefix.complete).toBe(false);
    expect(prefix.text).toHaveLength(100);
    expect(JSON.stringify({ ...huge, result: { text: 'x'.repeat(200) } }).startsWith(prefix.text)).toBe(true);
    expect(jsonText({ a: 1 }, 7)).toEqual({ text: '{"a":1}', complete: true });
    expect(jsonText({ a: 1 }, 6)).toEqual({ text: '{"a":1', complete: false });
  });
});
