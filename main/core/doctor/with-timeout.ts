import { PeriscopeError } from '../diagnostics/periscope-error';

/**
 * The promise, or a `timeout` PeriscopeError after `ms` milliseconds (for steps with no timeout
 * of their own, like a DNS lookup). The timer never keeps the process alive.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PeriscopeError({ kind: 'timeout', message: `No answer within ${ms} ms while ${what}`, hint: 'check the network path to the server, or allow more time' })), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
