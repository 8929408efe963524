import { describe, expect, it } from 'vitest';
import { keepNewest } from '../../../shared/collections/keep-newest';

describe('keepNewest', () => {
  it('drops the first inserted keys of a Map until `most` are left, and says how many', () => {
    const map = new Map([1, 2, 3, 4, 5].map((k) => [k, `v${k}`]));
    expect(keepNewest(map, 3)).toBe(2);
    expect([...map.keys()]).toEqual([3, 4, 5]);
    expect(map.get(5)).toBe('v5');
  });

  it('a Set alike; setting an existing key again does not make it newer', () => {
    const set = new Set(['a', 'b', 'c']);
    set.add('a');
    keepNewest(set, 2);
    expect([...set]).toEqual(['b', 'c']);
  });

  it('leaves a collection at or under the bound alone, and empties it for 0', () => {
    const map = new Map([['x', 1]]);
    expect(keepNewest(map, 1)).toBe(0);
    expect(keepNewest(map, 5)).toBe(0);
    expect(map.size).toBe(1);
    expect(keepNewest(map, 0)).toBe(1);
    expect(map.size).toBe(0);
  });

  it('keeps a bounded memory bounded however many keys arrive one by one', () => {
    const seen = new Set<number>();
    for (let k = 0; k < 10_000; k++) {
      seen.add(k);
      keepNewest(seen, 256);
    }
    expect(seen.size).toBe(256);
    expect(Math.min(...seen)).toBe(10_000 - 256);
  });
});
