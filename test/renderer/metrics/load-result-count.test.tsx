import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadResultView } from '../../../renderer/components/load/load-result';
import type { LoadResult } from '../../../shared/model/load-run';

/** A load run's one-line summary, for a run that ended after one request (cancelled early, or -n 1). */
describe('load result summary', () => {
  const one: LoadResult = { count: 1, ok: 1, errors: {}, durationMs: 90, throughputPerS: 11.1, latency: { min: 88, mean: 88, p50: 88, p90: 88, p95: 88, p99: 88, p999: 88, max: 88 }, cancelled: true };

  it('says "1 request", not "1 requests"', () => {
    render(<LoadResultView result={one} title="Run 1" />);
    expect(screen.getByTestId('load-summary')).toHaveTextContent(/^1 request in 0.09 s · 1 ok · 0 failed · 11.1 requests\/s$/);
  });

  it('keeps the plural for more', () => {
    render(<LoadResultView result={{ ...one, count: 2, ok: 2 }} title="Run 2" />);
    expect(screen.getByTestId('load-summary')).toHaveTextContent(/^2 requests in/);
  });
});
