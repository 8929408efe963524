import { describe, expect, it } from 'vitest';
import { countNoun } from '../../../shared/text/count-noun';

describe('a count with its noun', () => {
  it('is singular for exactly one and plural otherwise, zero included', () => {
    expect(countNoun(1, 'request')).toBe('1 request');
    expect(countNoun(0, 'request')).toBe('0 requests');
    expect(countNoun(2, 'request')).toBe('2 requests');
    expect(countNoun(1, 'entry', 'entries')).toBe('1 entry');
    expect(countNoun(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('groups thousands as the app writes figures, whatever the machine\'s locale', () => {
    expect(countNoun(1_234_567, 'entry', 'entries')).toBe('1,234,567 entries');
  });
});
