import { describe, expect, it } from 'vitest';
import { occurrences } from '../../../renderer/workbench/text-match';

describe('occurrences of a query in a text', () => {
  it('finds the phrase case-insensitively, in order, without overlaps', () => {
    expect(occurrences('Foo foo FOO', 'foo')).toEqual({ starts: [0, 4, 8], length: 3, capped: false });
    expect(occurrences('aaaa', 'aa').starts).toEqual([0, 2]);
    expect(occurrences('a b', 'a b').starts).toEqual([0]);
    expect(occurrences('anything', '').starts).toEqual([]);
  });

  it('takes the query literally: characters special to regular expressions match themselves', () => {
    expect(occurrences('a.b a*b (x) [y] {z} a\\b $1 ^ | ? + /', '(x)').starts).toEqual([8]);
    for (const q of ['.', '*', '[y]', '{z}', '\\', '$1', '^', '|', '?', '+', '/', 'a-b']) {
      expect(() => occurrences('a.b a*b (x) [y] {z} a\\b $1 ^ | ? + / a-b', q)).not.toThrow();
    }
    expect(occurrences('a.b axb', 'a.b').starts).toEqual([0]);
  });

  it('keeps offsets into the text itself where lowercasing would change its length', () => {
    // "İ".toLowerCase() is two characters: offsets in a lowercased copy would be one too far.
    const text = 'İstanbul marker';
    expect(occurrences(text, 'marker').starts).toEqual([text.indexOf('marker')]);
  });

  it('stops at the limit and says there were more', () => {
    expect(occurrences('x'.repeat(10), 'x', 4)).toEqual({ starts: [0, 1, 2, 3], length: 1, capped: true });
    expect(occurrences('x'.repeat(4), 'x', 4).capped).toBe(false);
  });
});
