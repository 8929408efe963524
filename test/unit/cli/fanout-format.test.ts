import { describe, expect, it } from 'vitest';
import { formatFanout } from '../../../main/cli/commands/fanout';
import { compareAnswers } from '../../../main/core/fanout/answer-diff';

/** The first line of `periscope fanout`'s human report, for each way a fan-out can end. */
describe('formatFanout headline', () => {
  const ok = (instance: string, text: string) => ({ instance, latencyMs: 5, result: { content: [{ type: 'text', text }] } });
  const failed = (instance: string, kind: 'refused' | 'not-found', message: string) => ({ instance, error: { kind, message, hint: '' } });
  const headline = (outcomes: Parameters<typeof formatFanout>[1]) => formatFanout('echo', outcomes, compareAnswers(outcomes))[0];

  it('says every instance failed the same way, not "1 different answers"', () => {
    const outcomes = [failed('a', 'not-found', 'no tool'), failed('b', 'not-found', 'no tool')];
    expect(headline(outcomes)).toBe('echo on 2 instances: every one failed, the same way');
  });

  it('says every instance failed when they failed in different ways', () => {
    const outcomes = [failed('a', 'not-found', 'no tool'), failed('b', 'refused', 'connection refused')];
    expect(headline(outcomes)).toBe('echo on 2 instances: every one failed');
  });

  it('counts the answers when some instances answered', () => {
    expect(headline([ok('a', 'hi'), ok('b', 'hi'), failed('c', 'refused', 'connection refused')])).toBe('echo on 3 instances: 2 answered alike (answer A), 1 failed');
    expect(headline([ok('a', 'hi'), ok('b', 'hi')])).toBe('echo on 2 instances: all answered alike');
    expect(headline([ok('a', 'hi'), ok('b', 'hi'), ok('c', 'ho')])).toBe('echo on 3 instances: 3 answered, 2 different answers (2 gave answer A, the most common)');
  });

  it('never calls a failure an answer, nor one of a tie the most common', () => {
    const refused = (i: string) => failed(i, 'refused', 'connection refused');
    expect(headline([ok('a', 'hi'), ok('b', 'ho'), refused('c'), refused('d')])).toBe('echo on 4 instances: 2 answered, 2 different answers (answers A, B were given by 1 each), 2 failed');
    expect(headline([ok('a', 'hi'), refused('b'), refused('c'), refused('d')])).toBe('echo on 4 instances: 1 answered, 3 failed');
    expect(headline([ok('a', 'hi'), ok('b', 'hi'), ok('c', 'ho'), ok('d', 'ho'), ok('e', 'hey')])).toBe('echo on 5 instances: 5 answered, 3 different answers (answers A, B were given by 2 each)');
  });

  it('answer A, the reference, is a real answer even when more instances failed alike', () => {
    const outcomes = [failed('a', 'refused', 'x'), failed('b', 'refused', 'x'), failed('c', 'refused', 'x'), ok('d', 'hi')];
    const comparison = compareAnswers(outcomes);
    expect(comparison.groups[0]).toEqual({ label: 'A', instances: ['d'] });
    expect(comparison.differing.map((d) => d.instance)).toEqual(['a', 'b', 'c']);
  });
});
