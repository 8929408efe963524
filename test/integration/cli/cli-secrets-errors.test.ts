import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { cli, json, removeTestDataDir } from './cli-harness';
import { refusedPort } from '../../support/refused-port';

const SECRET = 'sekret-123';
let guarded: RunningPlayground;
let dir: string;

beforeAll(async () => {
  guarded = await startPlayground({ port: 0, requireBearer: SECRET });
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-secret-'));
});
afterAll(async () => {
  await guarded?.close();
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

describe('a secret given with -H', () => {
  it.each(['streamable', 'sse', 'websocket'] as const)('reaches the %s server but never the output, the trace or the session file', async (transport) => {
    const url = transport === 'websocket' ? guarded.urls.websocket : transport === 'sse' ? guarded.urls.sse : guarded.urls.streamable;
    const file = join(dir, `${transport}.ndjson`);
    guarded.seenRequests.length = 0;
    const run = await cli(['call', url, 'echo', 'message=hello', '--transport', transport, '-H', `Authorization: Bearer ${SECRET}`, '-H', 'X-Client-Tag: cli-test', '--trace', '--record', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('hello');
    expect(guarded.seenRequests.length).toBeGreaterThan(0);
    for (const request of guarded.seenRequests) {
      expect(request.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(request.headers['x-client-tag']).toBe('cli-test');
    }
    expect(run.stderr).toMatch(/tools\/call/); // the trace was printed
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    // The file still shows that the header was sent, with its scheme and a masked value.
    const { entries } = await readSessionFile(file);
    const sentHeaders = entries.flatMap((e) => (e.type === 'http' || e.type === 'websocket' ? [e.requestHeaders ?? {}] : []));
    const authorization = sentHeaders.flatMap((h) => Object.entries(h).filter(([k]) => k.toLowerCase() === 'authorization').map(([, v]) => v));
    expect(authorization.length).toBeGreaterThan(0);
    expect(new Set(authorization)).toEqual(new Set(['Bearer [redacted]']));
  });

  it('is masked even when the server echoes it back, in --json output too', async () => {
    const run = await cli(['call', guarded.urls.streamable, 'echo', `message=token ${SECRET}`, '-H', `Authorization: Bearer ${SECRET}`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(SECRET);
    expect(json<{ content: Array<{ text: string }> }>(run).content[0].text).toBe('token [redacted]');
  });

  it('without the header, the 401 is an auth error (exit 31) with a hint', async () => {
    const run = await cli(['tools', guarded.urls.streamable, '--transport', 'streamable']);
    expect(run.code).toBe(31);
    expect(run.stderr).toMatch(/^error: .+/m);
    expect(run.stderr).toMatch(/^hint: .+/m);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a wrong token is an auth error whose output does not echo the wrong token', async () => {
    const run = await cli(['tools', guarded.urls.streamable, '--transport', 'streamable', '-H', 'Authorization: Bearer wrong-456', '--json']);
    expect(run.code).toBe(31);
    expect(json(run)).toHaveProperty('error.kind', 'auth');
    expect(run.stdout + run.stderr).not.toContain('wrong-456');
  });
});

describe('the 401 explainer', () => {
  // An expired JWT for another server: the explainer reads it (never shows it) and names the cause.
  it.each(['streamable', 'websocket'] as const)('reads a rejected JWT over %s: the likely cause, its claims in words, never the token', async (transport) => {
    const { UnsecuredJWT } = await import('jose');
    const token = new UnsecuredJWT({ iss: 'https://as.example', sub: 'ada', aud: 'https://other.example/mcp', exp: Math.floor(Date.now() / 1000) - 3 * 3600 - 60 }).encode();
    const url = transport === 'websocket' ? guarded.urls.websocket : guarded.urls.streamable;
    const run = await cli(['tools', url, '--transport', transport, '-H', `Authorization: Bearer ${token}`]);
    expect(run.code).toBe(31);
    expect(run.stderr).toMatch(/^hint: The token expired 3 h ago \(\d{4}-\d\d-\d\dT[\d:]+Z\): get a new token/m);
    expect(run.stderr).toMatch(/^token: JWT \(signature not checked\) iss=https:\/\/as\.example sub=ada aud=https:\/\/other\.example\/mcp$/m);
    expect(run.stderr).toMatch(/^token: exp .+ \(expired 3 h ago\)$/m);
    expect(run.stderr).toMatch(/^token: also, the token is for "https:\/\/other\.example\/mcp", not for this server/m);
    const asJson = await cli(['tools', url, '--transport', transport, '-H', `Authorization: Bearer ${token}`, '--json']);
    expect(json(asJson)).toMatchObject({ error: { kind: 'auth', detail: { token: { format: 'jwt', claims: { sub: 'ada' }, signature: 'not checked' } } } });
    for (const part of token.split('.').filter(Boolean)) expect(run.stdout + run.stderr + asJson.stdout + asJson.stderr).not.toContain(part);
  });
});

describe('connection errors', () => {
  it('a refused port exits with the refused code and a hint', async () => {
    const port = await refusedPort();
    const run = await cli(['ping', `http://127.0.0.1:${port}/mcp`, '--transport', 'streamable']);
    expect(run.code).toBe(21);
    expect(run.stderr).toMatch(/^error: .*refused/im);
    expect(run.stderr).toMatch(/^hint: .+/m);
  });

  it('a name that is neither a URL nor a saved remote is invalid-url (exit 10)', async () => {
    const run = await cli(['tools', 'staging-api']);
    expect(run.code).toBe(10);
    expect(run.stderr).toContain('error: "staging-api" is neither a URL nor a saved remote.');
  });

  // Port 0 parses as a URL and would only fail at connect time, as "refused": it is refused up
  // front like 65536, by every command that takes a URL and by a saved remote or group instance.
  it('port 0 or above 65535: refused before anything is sent (exit 10; a remote or instance exit 11)', async () => {
    for (const [url, port] of [['http://127.0.0.1:0/mcp', '0'], ['ws://127.0.0.1:00/ws', '00'], ['http://127.0.0.1:65536/mcp', '65536']]) {
      for (const command of ['tools', 'ping', 'health']) {
        const run = await cli([command, url!]);
        expect(run.code, `${command} ${url}`).toBe(10);
        expect(run.stderr).toContain(`error: The port ${port} in "${url}" is out of range\nhint: ports go from 1 to 65535`);
      }
      const remote = await cli(['remotes', 'add', 'port-out-of-range', url!]);
      expect(remote.code).toBe(11);
      expect(remote.stderr).toContain(`The port ${port} in "${url}" is out of range: ports go from 1 to 65535`);
      const group = await cli(['remotes', 'add', 'port-out-of-range', 'http://127.0.0.1:3000/mcp', '--instance', url!]);
      expect(group.code).toBe(11);
      expect(group.stderr).toContain(`Instance 1: The port ${port} in "${url}" is out of range: ports go from 1 to 65535`);
    }
    // A port HTTP clients refuse (the Fetch standard's blocked ports) is no remote's either.
    const blocked = await cli(['remotes', 'add', 'blocked-port', 'http://127.0.0.1:6000/mcp']);
    expect(blocked.code).toBe(11);
    expect(blocked.stderr).toContain("Port 6000 is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it: run the server on another port");
  });

  it('usage errors exit 1 and help topics document the exit codes', async () => {
    expect((await cli(['nonsense'])).code).toBe(1);
    const badTimeout = await cli(['tools', 'http://127.0.0.1:9/mcp', '--timeout', 'soon']);
    expect(badTimeout.code).toBe(1);
    expect(badTimeout.stderr).toMatch(/^error: option '--timeout <ms>' argument 'soon' is invalid/m);
    expect((await cli(['tools', '--transport', 'carrier-pigeon', 'http://127.0.0.1:9/mcp'])).code).toBe(1);
    const help = await cli(['help', 'exit-codes']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+21\s+refused\b/m);
    expect(help.stdout).toMatch(/^\s+31\s+auth\b/m);
    expect(help.stdout).toMatch(/^\s+35\s+protocol-version\s+client and server share no protocol version or era/m);
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('periscope help exit-codes');
  });
});

describe('a password typed in a URL (user:password@)', () => {
  const password = 'url-pa55word-987';
  const forms = [password, Buffer.from(password).toString('base64'), encodeURIComponent(`:${password}`)];
  // Every connecting command, with --json and without: the URL is refused (exit 10) and quoted masked.
  const commands: string[][] = [
    ['tools'], ['connect'], ['ping'], ['health'], ['doctor'], ['call', '@URL', 'echo', 'message=hi'], ['load', '@URL', 'echo', '-n', '1'],
    ['fanout', '@URL,http://127.0.0.1:9/mcp', 'echo'], ['bundle', '@URL', '--out', 'BUNDLE'],
  ];
  it.each(commands)('%s: never prints it, in any form', async (...command) => {
    for (const url of [`http://ada:${password}@127.0.0.1:9/mcp`, `http:/ada:${password}@127.0.0.1:9/mcp`, `ada:${password}@127.0.0.1:9/mcp`]) {
      const args = command.includes('@URL') ? command.map((a) => a.replace('@URL', url)) : [...command, url];
      for (const json of [[], ['--json']]) {
        const run = await cli([...args.map((a) => (a === 'BUNDLE' ? join(dir, 'bundle.json') : a)), ...json]);
        expect(run.code, `${args.join(' ')} ${run.stderr}`).not.toBe(0);
        for (const form of forms) expect(run.stdout + run.stderr, `${args.join(' ')} ${json.join('')}`).not.toContain(form);
      }
    }
  });
});
