import { describe, expect, it } from 'vitest';
import { describeRun } from '../../../renderer/workbench/load-form';

/** A run's one-line description in the Load run panel (its heading and the runs list). */
describe('describeRun', () => {
  const echo = { kind: 'tool' as const, name: 'echo', argumentsJson: '{}' };

  it('shows a rate below one a second as it is, not rounded to "0/s"', () => {
    expect(describeRun(echo, { count: 5, concurrency: 1, ratePerS: 0.0005 })).toBe('tools/call echo · 5 requests · 1 at once · 0.0005/s');
    expect(describeRun(echo, { count: 5, concurrency: 1, ratePerS: 1e-9 })).toBe('tools/call echo · 5 requests · 1 at once · 0.000000001/s');
  });

  it('keeps large rates grouped', () => {
    expect(describeRun(echo, { count: 1_000, concurrency: 4, ratePerS: 100_000, warmup: 10 })).toBe('tools/call echo · 1,000 requests · 4 at once · 100,000/s · warm-up 10');
  });

  it('says "1 request", not "1 requests"', () => {
    expect(describeRun(echo, { count: 1, concurrency: 1 })).toBe('tools/call echo · 1 request · 1 at once');
    expect(describeRun(echo, { count: 2, concurrency: 1 })).toBe('tools/call echo · 2 requests · 1 at once');
  });
});
