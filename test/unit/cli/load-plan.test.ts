import { describe, expect, it } from 'vitest';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { formatLoadResult, loadPlan, MAX_CLI_CONCURRENCY } from '../../../main/cli/commands/load';

function refusal(opts: Parameters<typeof loadPlan>[0]): { kind: string; message: string } {
  try {
    loadPlan(opts);
  } catch (error) {
    if (isPeriscopeError(error)) return error.info;
    throw error;
  }
  throw new Error('expected the plan to be refused');
}

describe('periscope load options as a plan', () => {
  it('keeps a concurrency up to the CLI limit', () => {
    expect(loadPlan({ requests: '10', concurrency: String(MAX_CLI_CONCURRENCY), warmup: '0' })).toEqual({ count: 10, concurrency: MAX_CLI_CONCURRENCY, warmup: 0 });
  });

  it('refuses a concurrency past the limit (it would exhaust the process) as invalid input naming the limit', () => {
    for (const c of ['10001', '100000000', '9007199254740991']) {
      const info = refusal({ requests: '3', concurrency: c, warmup: '0' });
      expect(info.kind).toBe('invalid-input');
      expect(info.message).toContain('-c/--concurrency must be at most 10,000');
      expect(info.message).toContain(`not "${c}"`);
    }
  });

  it('reports a run of one request as "1 request"', () => {
    const [summary] = formatLoadResult('echo', { count: 1, ok: 1, errors: {}, durationMs: 90, throughputPerS: 11.1, cancelled: true });
    expect(summary).toBe('echo: 1 request in 0.09 s (stopped early), 1 ok, 0 failed, 11.1 requests/s');
  });
});
