import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoadRunsList } from '../../../renderer/components/load/load-runs-list';
import type { LoadRunRecord } from '../../../renderer/stores/load-runs-store';
import type { LoadResult } from '../../../shared/model/load-run';

/** The Outcome column of "Runs of this session": a run whose requests failed must not read as a plain "done". */
describe('load runs list outcome', () => {
  const run = (number: number, result: Partial<LoadResult>): LoadRunRecord => ({
    runId: `r${number}`,
    number,
    request: { kind: 'method', method: 'nonexistent/method' },
    plan: { durationMs: 1000, concurrency: 4 },
    startedAt: 0,
    status: 'done',
    progress: { done: 0, failed: 0, elapsedMs: 0 },
    live: { at: [], latencyMs: [] },
    result: { count: 18, ok: 18, errors: {}, durationMs: 1070, throughputPerS: 16.9, cancelled: false, ...result },
  });

  it('says how many failed, and when all did', () => {
    render(<LoadRunsList runs={[run(1, { ok: 0 }), run(2, { ok: 15 }), run(3, {})]} shown="r3" compared={[]} onShow={() => undefined} onToggleCompare={() => undefined} />);
    const outcomes = screen.getAllByTestId('load-run-row').map((row) => row.querySelector('.load-run-outcome')!.textContent);
    // Newest first.
    expect(outcomes).toEqual(['done · 18 req · 16.9/s', 'done · 18 req, 3 failed · 16.9/s', 'done · 18 req, all failed · 16.9/s']);
  });
});
