import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createStreamingFixtureServer } from '../../fixtures/sdk-servers/v1-streaming-server';
import { buildCli, periscope } from './support/bundled-cli';

/**
 * `complete`, `subscribe`, `logs`, template reads and `call --log-level`, run as the bundled
 * binary against the playground (2.x SDK) in both protocol eras and a 1.x SDK server. Streaming
 * commands are ended with SIGTERM, as a user's Ctrl-C or a service manager would end them.
 */
const SECRET = 'fixture-secret-value-1234';
let playground: RunningPlayground;
let v1: StreamableFixture;
let plain: StreamableFixture;

beforeAll(async () => {
  await buildCli();
  [playground, v1, plain] = await Promise.all([startPlayground({ port: 0 }), startStreamableFixture(() => createStreamingFixtureServer({ echoSecret: SECRET })), startStreamableFixture()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([playground?.close(), v1?.close(), plain?.close()]);
});

const lines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe.each(['legacy', 'modern'] as const)('the playground, %s era', (era) => {
  const eraArgs = ['--protocol-era', era];

  it('complete: suggests values for a template variable', async () => {
    const text = await periscope(['complete', playground.urls.streamable, 'resource', 'playground://items/{id}', 'id=2', ...eraArgs]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual(['2']);
    const json = await periscope(['complete', playground.urls.streamable, 'resource', 'playground://items/{id}', 'id=', '--json', ...eraArgs]);
    expect(JSON.parse(json.stdout)).toMatchObject({ completion: { values: expect.arrayContaining(['1', '2', '3']) } });
  });

  it('read: expands a resource template with name=value (percent-encoded) and reads it', async () => {
    const run = await periscope(['read', playground.urls.streamable, 'playground://items/{id}', 'id=2', '--json', ...eraArgs]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('reading playground://items/2');
    expect(JSON.parse(run.stdout)).toMatchObject({ contents: [{ uri: 'playground://items/2', text: '{"id":"2","name":"Item 2"}' }] });
  });

  it('subscribe: prints each update of playground://counter as one JSON line, until SIGTERM (exit 0)', async () => {
    let bumped = false;
    const run = await periscope(['subscribe', playground.urls.streamable, 'playground://counter', '--json', ...eraArgs], {
      stopWhen: ({ stdout }) => {
        if (!bumped && stdout.includes('"subscribed"')) {
          bumped = true;
          void periscope(['call', playground.urls.streamable, 'bump_counter', ...eraArgs]);
        }
        return stdout.includes('"updated"');
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const records = lines(run.stdout);
    expect(records[0]).toEqual({ type: 'subscribed', uri: 'playground://counter', via: era === 'modern' ? 'subscriptions/listen' : 'resources/subscribe' });
    expect(records[1]).toMatchObject({ type: 'updated', uri: 'playground://counter', count: 1 });
    expect(Date.parse(records[1].at as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('call --log-level: the call\'s log messages from that level up, on stderr (setLevel, or _meta in 2026-07-28)', async () => {
    const run = await periscope(['call', playground.urls.streamable, 'log', 'message=hello', 'levels=["debug","warning","error"]', '--log-level', 'warning', '--trace', ...eraArgs]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^log \S+Z warning \[playground\] hello$/m);
    expect(run.stderr).toMatch(/^log \S+Z error \[playground\] hello$/m);
    expect(run.stderr).not.toMatch(/^log .* debug /m);
    if (era === 'legacy') expect(run.stderr).toMatch(/logging\/setLevel/);
    else expect(run.stderr).not.toMatch(/logging\/setLevel/);
  });
});

describe('logs', () => {
  it('2025 era (1.x SDK server): sends logging/setLevel, prints each message from that level up until SIGTERM, secrets masked', async () => {
    const run = await periscope(['logs', v1.url, '--level', 'warning', '-H', `X-Api-Key: ${SECRET}`], { stopWhen: ({ stdout }) => stdout.includes(' error ') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/listening for log messages from warning up/);
    const shown = run.stdout.trim().split('\n');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^\S+Z warning \[fixture\] warning message$/);
    expect(shown[1]).toMatch(/^\S+Z error \[fixture\] \{"message":"disk almost full","freeMb":12,"token":".*"\}$/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('a message with terminal escape sequences is shown escaped, and exact in --json', async () => {
    const text = await periscope(['logs', v1.url, '--level', 'notice'], { stopWhen: ({ stdout }) => stdout.includes(' error ') });
    expect(text.stdout).not.toContain('\u001b[');
    expect(text.stdout).toContain('notice [fixture] notice \\u001b[31mred\\u001b[0m \\u001b]52;c;cHduZWQ=\\u0007 text');
    const json = await periscope(['logs', v1.url, '--level', 'notice', '--json'], { stopWhen: ({ stdout }) => stdout.includes('"error"') });
    expect(lines(json.stdout)[0].data).toBe('notice \u001b[31mred\u001b[0m \u001b]52;c;cHduZWQ=\u0007 text');
  });

  it('--json gives one object per line', async () => {
    const run = await periscope(['logs', v1.url, '--level', 'debug', '--json'], { stopWhen: ({ stdout }) => stdout.includes('"error"') });
    expect(run.code, run.stderr).toBe(0);
    const records = lines(run.stdout);
    expect(records.map((r) => r.level)).toEqual(['debug', 'info', 'notice', 'warning', 'error']);
    expect(records[4]).toMatchObject({ type: 'log', logger: 'fixture', data: { message: 'disk almost full', freeMb: 12 } });
  });

  it('2026-07-28 era: refused with exit 35, saying the level travels with each request and pointing at call --log-level', async () => {
    const run = await periscope(['logs', playground.urls.streamable, '--protocol-era', 'modern']);
    expect(run.code).toBe(35);
    expect(run.stderr).toMatch(/^error: A 2026-07-28 server sends log messages only with the answer to a request/m);
    expect(run.stderr).toMatch(/^hint: .*--log-level/m);
  });

  it('a server that goes away ends the command with that error, not a silent wait', async () => {
    const doomed = await startStreamableFixture(() => createStreamingFixtureServer());
    let closing: Promise<void> | undefined;
    const run = await periscope(['logs', doomed.url, '--level', 'error'], {
      limitMs: 20_000,
      onOutput: ({ stderr }) => {
        if (!closing && stderr.includes('listening for log messages')) closing = doomed.close();
      },
    });
    await closing;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(24);
    expect(run.stderr).toMatch(/^error: The server's event stream is gone/m);
    expect(run.stderr).toMatch(/^hint: The server went away or ended the stream/m);
  }, 30_000);

  it('rejects a level outside the eight syslog levels as a usage error', async () => {
    const run = await periscope(['logs', v1.url, '--level', 'verbose']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/verbose/);
  });
});

describe('a 1.x SDK server: subscribe, complete and template reads', () => {
  it('subscribe prints each update in text until SIGTERM', async () => {
    const run = await periscope(['subscribe', v1.url, 'notes://monday'], { stopWhen: ({ stdout }) => stdout.includes('(2)') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/subscribed to notes:\/\/monday \(resources\/subscribe\)/);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\S+Z updated notes:\/\/monday \(1\)$/), expect.stringMatching(/^\S+Z updated notes:\/\/monday \(2\)$/)]);
  });

  it('complete: a prompt argument, with the other arguments sent as context', async () => {
    const nl = await periscope(['complete', v1.url, 'prompt', 'plan_trip', 'city=A', 'country=nl']);
    expect(nl.stdout.trim().split('\n')).toEqual(['Amsterdam', 'Arnhem']);
    const gr = await periscope(['complete', v1.url, 'prompt', 'plan_trip', 'city=A', 'country=gr', '--json']);
    expect(JSON.parse(gr.stdout)).toEqual({ completion: { values: ['Athens'], total: 1, hasMore: false } });
    const wrong = await periscope(['complete', v1.url, 'tool', 'x', 'a=b']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/"tool" is neither prompt nor resource/);
  });

  it('complete and read a template', async () => {
    const completed = await periscope(['complete', v1.url, 'resource', 'notes://{day}', 'day=t']);
    expect(completed.stdout.trim().split('\n')).toEqual(['tuesday']);
    const read = await periscope(['read', v1.url, 'notes://{day}', 'day=tuesday']);
    expect(read.stdout.trim()).toBe('notes for tuesday');
  });

  it('refuses a template value for a name the template lacks, and a missing one, before connecting (exit 11)', async () => {
    const before = v1.requests.length;
    const unknown = await periscope(['read', v1.url, 'notes://{day}', 'week=1']);
    expect(unknown.code).toBe(11);
    expect(unknown.stderr).toMatch(/^error: The template notes:\/\/\{day\} has no variable "week"\./m);
    const missing = await periscope(['read', v1.url, 'notes://{day}']);
    expect(missing.code).toBe(11);
    expect(missing.stderr).toMatch(/needs a value for day/);
    expect(v1.requests.length).toBe(before);
  });

  it('a server without subscriptions or logging: a named error (exit 12) at once, not a silent wait', async () => {
    const subscribe = await periscope(['subscribe', plain.url, 'x://y'], { limitMs: 8000 });
    expect(subscribe.code).toBe(12);
    expect(subscribe.stderr).toMatch(/^error: This server does not offer resource subscriptions/m);
    const logs = await periscope(['logs', plain.url], { limitMs: 8000 });
    expect(logs.code).toBe(12);
    expect(logs.stderr).toMatch(/^error: This server does not send log messages/m);
  });
});
