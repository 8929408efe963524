import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, periscope } from './support/bundled-cli';
import { startListenStreamServer } from './support/listen-stream-server';

/**
 * `periscope subscribe` in the 2026-07-28 era when the listen stream misbehaves: a subscription
 * that ended must not look alive, and Ctrl-C (SIGTERM here) stops at once even before the server
 * acknowledged the stream.
 */
const servers: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  await buildCli();
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function server(behaviour: Parameters<typeof startListenStreamServer>[0]): Promise<string> {
  const started = await startListenStreamServer(behaviour);
  servers.push(started);
  return started.url;
}

describe('subscribe, when the server ends or never acknowledges the listen stream', () => {
  it('the stream ends without a response: exit 24 saying no more updates will come (it waited forever)', async () => {
    const run = await periscope(['subscribe', await server('ends'), 'x://a']);
    expect(run.code, run.stderr).toBe(24);
    expect(run.stderr).toContain('error: The subscriptions/listen stream for x://a ended without the server\'s response (the stream was closed or dropped), so no more updates will come');
  });

  it('the server sends the empty listen response: exit 24 saying the server ended the subscription', async () => {
    const run = await periscope(['subscribe', await server('graceful'), 'x://a']);
    expect(run.code, run.stderr).toBe(24);
    expect(run.stderr).toContain('error: The server ended the subscription to x://a: it sent the empty subscriptions/listen response');
  });

  it('never acknowledged: the timeout says so (exit 23), and an interrupt before it stops at once with exit 0', async () => {
    const url = await server('unacknowledged');
    const timedOut = await periscope(['subscribe', url, 'x://a', '--timeout', '1500']);
    expect(timedOut.code, timedOut.stderr).toBe(23);
    expect(timedOut.stderr).toContain('error: The server did not acknowledge the subscriptions/listen stream');
    const started = Date.now();
    // Stopped once the first update shows (the stream is open, still unacknowledged), long before the 60 s timeout.
    const stopped = await periscope(['subscribe', url, 'x://a'], { stopWhen: ({ stdout }) => stdout.includes('updated x://a') });
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).not.toContain('subscribed to');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
