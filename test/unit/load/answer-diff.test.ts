import { describe, expect, it } from 'vitest';
import { canonicalJson, compareAnswers, differencesOf, MAX_DIFFERENCES } from '../../../main/core/fanout/answer-diff';
import { parseInstances } from '../../../main/cli/commands/fanout';

const text = (value: string) => ({ content: [{ type: 'text', text: value }] });

describe('compareAnswers', () => {
  it('agrees when every instance gives the same answer, whatever the key order', () => {
    const comparison = compareAnswers([
      { instance: 'a', result: { content: [{ type: 'text', text: 'v1' }], isError: false } },
      { instance: 'b', result: { isError: false, content: [{ text: 'v1', type: 'text' }] } },
    ]);
    expect(comparison).toEqual({ groups: [{ label: 'A', instances: ['a', 'b'] }], differing: [], agree: true });
  });

  it('names the odd instance out and the path where its answer departs from the most common one', () => {
    const comparison = compareAnswers([
      { instance: 'one', result: text('v1.4.2') },
      { instance: 'two', result: text('v1.3.9') },
      { instance: 'three', result: text('v1.4.2') },
    ]);
    expect(comparison.agree).toBe(false);
    expect(comparison.groups).toEqual([
      { label: 'A', instances: ['one', 'three'] },
      { label: 'B', instances: ['two'] },
    ]);
    expect(comparison.differing).toEqual([{ instance: 'two', label: 'B', differences: [{ path: 'content[0].text', expected: '"v1.4.2"', actual: '"v1.3.9"' }] }]);
  });

  it('groups failures by kind and message, never as the reference when a real answer ties with them', () => {
    const comparison = compareAnswers([
      { instance: 'down', error: { kind: 'refused', message: 'connection refused' } },
      { instance: 'up', result: text('ok') },
    ]);
    expect(comparison.groups[0]).toEqual({ label: 'A', instances: ['up'] });
    expect(comparison.groups[1]).toEqual({ label: 'B', instances: ['down'], errorKind: 'refused' });
    expect(comparison.differing[0]!.differences.map((d) => d.path)).toEqual(['content', 'error']);
    expect(comparison.agree).toBe(false);
  });

  it('does not call it agreement when every instance failed the same way', () => {
    const comparison = compareAnswers([
      { instance: 'a', error: { kind: 'auth', message: '401' } },
      { instance: 'b', error: { kind: 'auth', message: '401' } },
    ]);
    expect(comparison.groups).toHaveLength(1);
    expect(comparison.agree).toBe(false);
  });

  it('leaves ignored paths out, at any depth and inside arrays', () => {
    const answers = [
      { instance: 'a', result: { _meta: { host: 'a' }, structuredContent: { servedAt: 1, items: [{ id: 1, at: 5 }] } } },
      { instance: 'b', result: { _meta: { host: 'b' }, structuredContent: { servedAt: 2, items: [{ id: 1, at: 6 }] } } },
    ];
    expect(compareAnswers(answers).agree).toBe(false);
    expect(compareAnswers(answers, ['_meta', 'structuredContent.servedAt']).agree).toBe(false);
    expect(compareAnswers(answers, ['_meta', '$.structuredContent.servedAt', 'structuredContent.items[0].at']).agree).toBe(true);
  });
});

describe('differencesOf', () => {
  it('reports missing and extra keys and array items as absent', () => {
    expect(differencesOf({ a: 1, list: [1] }, { b: 1, list: [1, 2] })).toEqual([
      { path: 'a', expected: '1', actual: '(absent)' },
      { path: 'b', expected: '(absent)', actual: '1' },
      { path: 'list[1]', expected: '(absent)', actual: '2' },
    ]);
  });

  it('quotes keys that are not identifiers, and a difference of the whole answer', () => {
    expect(differencesOf({ 'a-b': 1 }, { 'a-b': 2 })[0]!.path).toBe('["a-b"]');
    expect(differencesOf('x', 3)).toEqual([{ path: '(the whole answer)', expected: '"x"', actual: '3' }]);
  });

  it('stops at the cap and shortens long values', () => {
    const many = differencesOf(Array.from({ length: 100 }, (_, i) => i), Array.from({ length: 100 }, (_, i) => -i - 1));
    expect(many).toHaveLength(MAX_DIFFERENCES);
    const long = differencesOf({ t: 'x'.repeat(1000) }, { t: 'y' })[0]!;
    expect(long.expected.length).toBeLessThanOrEqual(201);
    expect(long.expected.endsWith('…')).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level but keeps array order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});

describe('parseInstances', () => {
  it('splits, trims and refuses too few, too many and repeated instances', () => {
    expect(parseInstances(' http://a/mcp , http://b/mcp,')).toEqual(['http://a/mcp', 'http://b/mcp']);
    expect(() => parseInstances('http://a/mcp')).toThrow(/at least two/);
    expect(() => parseInstances(Array.from({ length: 33 }, (_, i) => `r${i}`).join(','))).toThrow(/at most 32/);
    expect(() => parseInstances('a,b,a')).toThrow(/listed twice/);
  });
});
