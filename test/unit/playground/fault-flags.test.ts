import { describe, expect, it } from 'vitest';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { parseFaultFlags } from '../../../main/core/playground/fault-flags';

describe('parseFaultFlags', () => {
  it('reads the documented comma syntax', () => {
    expect(parseFaultFlags(['latency=200,drop-stream,malformed-json,first-byte-delay=500'])).toEqual({
      latencyMs: 200,
      dropStream: true,
      malformedJson: true,
      firstByteDelayMs: 500,
    });
  });

  it('merges repeated flags, tolerates spaces and empty items, and lets later values win', () => {
    expect(parseFaultFlags(['latency=100', ' drop-stream , ', 'latency=50', 'malformed-json=off'])).toEqual({
      latencyMs: 50,
      dropStream: true,
      malformedJson: false,
    });
    expect(parseFaultFlags([])).toEqual({});
  });

  it.each([
    ['slow', /Unknown fault "slow"/],
    ['latency', /whole number of milliseconds/],
    ['latency=-5', /whole number of milliseconds/],
    ['first-byte-delay=1.5', /whole number of milliseconds/],
    ['drop-stream=maybe', /takes no value/],
  ])('rejects %s with an invalid-input error that names it', (flag, message) => {
    let caught: unknown;
    try {
      parseFaultFlags([flag]);
    } catch (error) {
      caught = error;
    }
    expect(isPeriscopeError(caught)).toBe(true);
    if (!isPeriscopeError(caught)) return;
    expect(caught.info.kind).toBe('invalid-input');
    expect(caught.info.message).toMatch(message);
    expect(caught.info.hint).toContain('latency=<ms>');
  });
});
