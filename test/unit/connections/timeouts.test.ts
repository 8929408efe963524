import { describe, expect, it } from 'vitest';
import { requestOptions, resolveTimeouts, withDeadline } from '../../../main/core/connections/timeouts';
import { toErrorInfo } from '../../../main/core/diagnostics/classify-error';

describe('request timeouts', () => {
  const timeouts = resolveTimeouts({ requestMs: 1_000, maxTotalMs: 5_000, resetOnProgress: true });

  it('uses the connection timeout, resets on progress (with a progress handler so the server sends progress) and caps the total', () => {
    const options = requestOptions(timeouts);
    expect(options).toMatchObject({ timeout: 1_000, resetTimeoutOnProgress: true, maxTotalTimeout: 5_000 });
    expect(typeof options.onprogress).toBe('function');
  });

  it('lets one call ask for more, even past the connection cap', () => {
    expect(requestOptions(timeouts, { timeoutMs: 9_000 })).toMatchObject({ timeout: 9_000, maxTotalTimeout: 9_000 });
    expect(requestOptions(timeouts, { timeoutMs: 200 })).toMatchObject({ timeout: 200, maxTotalTimeout: 5_000 });
  });

  it('without reset on progress, no progress is requested unless the caller listens', () => {
    const off = resolveTimeouts({ resetOnProgress: false });
    expect(requestOptions(off).onprogress).toBeUndefined();
    const listener = () => undefined;
    expect(requestOptions(off, { onProgress: listener }).onprogress).toBe(listener);
  });

  it('fills in the defaults of the model', () => {
    expect(resolveTimeouts(undefined)).toEqual({ connectMs: 15_000, requestMs: 60_000, resetOnProgress: true, maxTotalMs: 600_000 });
  });

  it('a deadline rejects like the SDK timeout (so it classifies as timeout) and tears the attempt down', async () => {
    let torn = false;
    const error = await withDeadline(new Promise(() => undefined), 30, 'connecting to x', () => (torn = true)).catch((e: unknown) => e);
    expect(torn).toBe(true);
    expect(toErrorInfo(error, { phase: 'connect' }).kind).toBe('timeout');
    await expect(withDeadline(Promise.resolve(7), 1_000, 'x', () => undefined)).resolves.toBe(7);
  });
});
