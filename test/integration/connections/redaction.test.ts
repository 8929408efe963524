import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { startSseOnlyFixture } from '../../fixtures/sdk-servers/sse-only-fixture';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startWebSocketFixture } from '../../fixtures/sdk-servers/websocket-fixture';
import { AUTH_HEADERS, SECRET, textOf, useManager } from './connection-test-support';

const dir = mkdtempSync(join(tmpdir(), 'periscope-redaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { manager, cleanup } = useManager({ recordDir: dir });

const servers = {
  streamable: startStreamableFixture,
  sse: startSseOnlyFixture,
  websocket: startWebSocketFixture,
} as const;

describe('a known secret never enters the trace or the session file', () => {
  for (const transport of ['streamable', 'sse', 'websocket'] as const) {
    it(`${transport}: secret header and the secret echoed back by the server`, async () => {
      const fixture = await servers[transport]();
      cleanup(() => fixture.close());
      const file = join(dir, `${transport}.ndjson`);
      const connection = await manager.open({ transport, url: fixture.url, headers: AUTH_HEADERS }, { recordTo: file });
      // The server echoes the secret in its answer: it must be masked in the copy we keep and in
      // the result handed out (the CLI prints it, the renderer shows it).
      expect(textOf(await connection.callTool('echo', { message: `token=${SECRET}` }))).toBe('token=[redacted]');
      await manager.close(connection.id);

      const entries = connection.buffer.entries();
      expect(entries.length).toBeGreaterThan(5);
      expect(JSON.stringify(entries)).not.toContain(SECRET);
      expect(JSON.stringify(entries)).toContain('Bearer [redacted]');
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(SECRET);
      const recorded = await readSessionFile(file);
      // The file holds the whole story, from connecting to closed.
      expect(recorded.entries).toEqual(entries);
      expect(recorded.entries.at(-1)).toMatchObject({ type: 'lifecycle', state: 'closed' });
    });
  }

  it('stdio: a secret-looking env value (API_KEY, *_TOKEN) is masked in messages and stderr lines', async () => {
    const { command, args } = stdioFixtureCommand();
    const connection = await manager.open({ transport: 'stdio', command, args, env: { SERVICE_API_KEY: SECRET, GITHUB_TOKEN: 'ghp-also-secret', REGION: 'eu-west-1' } });
    // The server echoes it in its result and writes it to stderr. A masked answer to `env` also
    // shows the real value reached the server's environment (an unset one would answer empty).
    expect(textOf(await connection.callTool('echo', { message: SECRET }))).toBe('[redacted]');
    expect(textOf(await connection.callTool('env', { name: 'GITHUB_TOKEN' }))).toBe('[redacted]');
    expect(textOf(await connection.callTool('env', { name: 'REGION' }))).toBe('eu-west-1');
    await manager.close(connection.id);
    const text = JSON.stringify(connection.buffer.entries());
    expect(text).toContain('echo called with [redacted]');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('ghp-also-secret');
    expect(text).toContain('eu-west-1');
  });

  it('the manager records every connection under recordDir when no file is named', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, headers: AUTH_HEADERS }, { label: 'my server' });
    await manager.close(connection.id);
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(dir).filter((f) => f.startsWith('my-server-'));
    expect(files).toHaveLength(1);
    const recorded = await readSessionFile(join(dir, files[0]!));
    expect(recorded.entries.length).toBe(connection.buffer.size);
    expect(readFileSync(join(dir, files[0]!), 'utf8')).not.toContain(SECRET);
  });

  it('a secret in the URL query and in an error answer never reaches the info, the error or the trace', async () => {
    const { createServer } = await import('node:http');
    // Answers 400 with a body that echoes the token the client sent, as careless servers do.
    const server = createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`bad request from ${req.headers.authorization ?? ''} at ${req.url ?? ''}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    const port = (server.address() as { port: number }).port;
    const url = `http://127.0.0.1:${port}/mcp?api_key=${SECRET}`;
    const connection = manager.create({ transport: 'streamable', url, headers: [{ name: 'Authorization', value: 'Bearer another-secret-77' }] });
    const error = await connection.connect().catch((e: unknown) => e);
    expect(JSON.stringify(error)).toMatch(/400/);
    for (const text of [JSON.stringify(error), JSON.stringify(connection.info()), JSON.stringify(connection.buffer.entries())]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('another-secret-77');
    }
    expect(connection.info().url).toContain('api_key=');
  });
});
