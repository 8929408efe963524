import { SdkError, SdkErrorCode, type RequestOptions } from '@modelcontextprotocol/client';
import { Timeouts, type Timeouts as TimeoutSettings } from '../../../shared/model/connection';

export type ProgressListener = NonNullable<RequestOptions['onprogress']>;

export interface PerRequestOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A connection's timeout settings with the model's defaults filled in. */
export function resolveTimeouts(input: Partial<TimeoutSettings> | undefined): TimeoutSettings {
  return Timeouts.parse(input ?? {});
}

/**
 * SDK RequestOptions for one request: the per-request timeout (the caller's override or the
 * connection's), reset by progress notifications when configured, capped by the maximum total.
 * The SDK only resets on progress when an onprogress handler is present, so one is always set
 * when resetting is on.
 */
export function requestOptions(timeouts: TimeoutSettings, opts: PerRequestOptions = {}): RequestOptions {
  const timeout = opts.timeoutMs ?? timeouts.requestMs;
  const onprogress = opts.onProgress ?? (timeouts.resetOnProgress ? () => undefined : undefined);
  return {
    timeout,
    resetTimeoutOnProgress: timeouts.resetOnProgress,
    // The connection's cap holds, unless this one call explicitly asked for longer.
    maxTotalTimeout: opts.timeoutMs !== undefined ? Math.max(opts.timeoutMs, timeouts.maxTotalMs) : timeouts.maxTotalMs,
    ...(onprogress ? { onprogress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
}

/**
 * Runs the whole connect (transport start + initialize) against a deadline. On expiry `onExpire`
 * tears the attempt down so nothing keeps running behind the user's back.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string, onExpire: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpire();
      // The SDK's own timeout error, so classification treats both alike (and can name a cause
      // the transport reported meanwhile, such as a dropped stream).
      reject(new SdkError(SdkErrorCode.RequestTimeout, `Timed out after ${ms} ms ${what}`, { timeout: ms }));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
