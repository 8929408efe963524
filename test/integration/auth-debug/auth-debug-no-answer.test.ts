import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { authSequenceDiagram } from '../../../shared/text/auth-sequence-diagram';
import { runAuthDebug } from '../../../main/core/auth-debug/auth-debugger';
import { refusedPort, refusedUrl } from '../../support/refused-port';

/**
 * A request of the auth debugger that gets no answer at all: the step's finding and the run's
 * stop reason name the cause in the words the app uses for a failed connection (never fetch's
 * bare "fetch failed"), with what to try, and the diagram draws the request that was sent and
 * its missing answer (never as a reply from the server). Every way of getting no answer, with real
 * sockets on 127.0.0.1; and a request that is never sent (a blocked port), which is not drawn as
 * reaching the server at all.
 */
const servers: Array<Server | HttpServer> = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A TCP server that does `onRequest` with each connection once the request's first bytes came. */
async function rawServer(onRequest: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => onRequest(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}

/** The one step of a run its first request ended, with what the user reads of it. */
function onlyStep(run: AuthDebugRun) {
  expect(run.steps.map((s) => [s.step, s.verdict])).toEqual([['challenge', 'fail']]);
  expect(run).toMatchObject({ finished: true, verdict: 'fail' });
  return run.steps[0]!;
}

describe('the auth debugger when a request gets no answer', () => {
  it('a closed port: the finding and the stop reason say the connection was refused, and what to try (as the app’s error notices say it); the diagram has the request and its missing answer', async () => {
    const url = await refusedUrl();
    const { port } = new URL(url);
    const step = onlyStep(await runAuthDebug({ serverUrl: url }));
    expect(step.findings).toEqual([
      expect.objectContaining({
        id: 'no-answer',
        verdict: 'fail',
        message: `The request got no answer: Connection refused by 127.0.0.1:${port}: nothing is listening on that port. Try: is the server running? check the port (and http vs https) in the URL.`,
      }),
    ]);
    expect(step.stopped).toBe(`The MCP server did not answer: Connection refused by 127.0.0.1:${port}: nothing is listening on that port.`);
    expect(JSON.stringify(step)).not.toContain('fetch failed');
    expect(step.arrows).toEqual([
      { from: 'client', to: 'mcp-server', label: 'POST initialize (no token)' },
      { from: 'mcp-server', to: 'client', label: 'no answer: connection refused', missing: 'no-answer' },
    ]);
    // The command line's diagram draws the request, then the missing answer as an x on the
    // client's lifeline: no arrow comes back from the server, as a reply would.
    const diagram = authSequenceDiagram([step]).split('\n');
    const heading = diagram.indexOf('1. Unauthenticated request and its challenge [FAIL]');
    expect(heading).toBeGreaterThan(0);
    expect(diagram.slice(heading + 1).map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      '| POST initialize (no token) | |',
      `|${'-'.repeat(42)}>| |`,
      'x no answer: connection refused | |',
    ]);
    expect(diagram.join('\n')).not.toContain('|<-');
  });

  it('a port on the Fetch standard\'s list of blocked ports (9): the request is never sent, and nothing says the server did not answer or draws the request reaching it', async () => {
    const step = onlyStep(await runAuthDebug({ serverUrl: 'http://127.0.0.1:9/mcp' }));
    expect(step.findings).toEqual([
      expect.objectContaining({
        id: 'not-sent',
        verdict: 'fail',
        message: 'The request was not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard\'s list of blocked ports, so HTTP clients refuse to connect to it. Try: run the server on another port (for example 3000 or 8080).',
      }),
    ]);
    expect(step.stopped).toBe('The request to the MCP server was not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard\'s list of blocked ports, so HTTP clients refuse to connect to it.');
    expect(JSON.stringify(step)).not.toMatch(/did not answer|no answer/);
    // One arrow: the request, marked as never sent, with the cause; no answer to miss.
    expect(step.arrows).toEqual([{ from: 'client', to: 'mcp-server', label: 'POST initialize (no token) not sent: port 9 is on the Fetch standard\'s list of blocked ports', missing: 'not-sent' }]);
    // In text: the label (over two lines), then a stub that leaves the client and stops in an x,
    // far short of the MCP server's lifeline.
    const diagram = authSequenceDiagram([step]).split('\n');
    const heading = diagram.indexOf('1. Unauthenticated request and its challenge [FAIL]');
    expect(diagram.slice(heading + 1).map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      '| POST initialize (no token) not sent: port 9 is on the Fetch standard\'s',
      '| list of blocked ports | |',
      '|--x | | |',
    ]);
  });

  it('a server that closes the connection without answering: "connection closed"', async () => {
    const url = await rawServer((socket) => socket.destroy());
    const step = onlyStep(await runAuthDebug({ serverUrl: url }));
    expect(step.findings[0]!.message).toMatch(/^The request got no answer: The connection to 127\.0\.0\.1:\d+ was closed by the other side \(UND_ERR_SOCKET: other side closed\)\. Try: the server or a proxy dropped the connection/);
    expect(step.stopped).toMatch(/^The MCP server did not answer: The connection to 127\.0\.0\.1:\d+ was closed by the other side/);
    expect(step.arrows.at(-1)).toEqual({ from: 'mcp-server', to: 'client', label: 'no answer: connection closed', missing: 'no-answer' });
  });

  it('a server that never answers: the request times out ("timed out")', async () => {
    const url = await rawServer(() => undefined);
    const step = onlyStep(await runAuthDebug({ serverUrl: url, requestTimeoutMs: 300 }));
    expect(step.findings[0]!.message).toMatch(/^The request got no answer: Timed out .*127\.0\.0\.1:\d+\/mcp.*\. Try: check that the server is up and reachable/);
    expect(step.stopped).toMatch(/^The MCP server did not answer: Timed out /);
    expect(step.arrows.at(-1)).toEqual({ from: 'mcp-server', to: 'client', label: 'no answer: timed out', missing: 'no-answer' });
  });

  it('a host name that does not exist: "host name not found"', async () => {
    // .invalid never resolves (RFC 6761); the resolver says so at once, with or without a network.
    const step = onlyStep(await runAuthDebug({ serverUrl: 'http://periscope-test.invalid/mcp' }));
    expect(step.findings[0]!.message).toBe('The request got no answer: The host name "periscope-test.invalid" does not exist (DNS lookup failed: ENOTFOUND). Try: check the spelling of the host name in the URL, and that you are on the right network or VPN.');
    expect(step.stopped).toBe('The MCP server did not answer: The host name "periscope-test.invalid" does not exist (DNS lookup failed: ENOTFOUND).');
    expect(step.arrows.at(-1)).toEqual({ from: 'mcp-server', to: 'client', label: 'no answer: host name not found', missing: 'no-answer' });
  });

  /** An MCP server that asks for authorization and names `authorizationServer` in its metadata; resolves to its URL. */
  async function serverNaming(authorizationServer: string): Promise<string> {
    const mcp = createHttpServer((request, response) => {
      const origin = `http://127.0.0.1:${(mcp.address() as AddressInfo).port}`;
      if (request.url?.startsWith('/.well-known/oauth-protected-resource')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resource: `${origin}/mcp`, authorization_servers: [authorizationServer] }));
      } else {
        response.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"` }).end();
      }
    });
    servers.push(mcp);
    await new Promise<void>((resolve) => mcp.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(mcp.address() as AddressInfo).port}/mcp`;
  }

  it('an authorization server on a closed port: its metadata step says so, and the run stops there saying why', async () => {
    const authorizationServer = `http://127.0.0.1:${await refusedPort()}`;
    const run = await runAuthDebug({ serverUrl: await serverNaming(authorizationServer) });
    expect(run.steps.map((s) => [s.step, s.verdict])).toEqual([
      ['challenge', 'pass'],
      ['resource-metadata', 'pass'],
      ['authorization-server-metadata', 'fail'],
    ]);
    const metadata = run.steps[2]!;
    expect(metadata.findings[0]!.message).toContain(`no answer: Connection refused by ${new URL(authorizationServer).host}: nothing is listening on that port. Try: is the server running?`);
    expect(metadata.stopped).toBe(`The authorization server did not answer: Connection refused by ${new URL(authorizationServer).host}: nothing is listening on that port.`);
    expect(metadata.arrows.at(-1)).toEqual({ from: 'authorization-server', to: 'client', label: 'no answer: connection refused', missing: 'no-answer' });
  });

  it('an authorization server on a blocked port: its metadata request is drawn as never sent, and the stop reason says it was not sent', async () => {
    const run = await runAuthDebug({ serverUrl: await serverNaming('http://127.0.0.1:9') });
    const metadata = run.steps.at(-1)!;
    expect(metadata.step).toBe('authorization-server-metadata');
    expect(metadata.stopped).toMatch(/^The request to the authorization server was not sent: Port 9 of http:\/\/127\.0\.0\.1:9\/\S+ is on the Fetch standard's list of blocked ports/);
    expect(metadata.findings[0]!.message).toContain('not sent: Port 9 of');
    expect(metadata.arrows).toEqual([{ from: 'client', to: 'authorization-server', label: 'GET authorization server metadata not sent: port 9 is on the Fetch standard\'s list of blocked ports', missing: 'not-sent' }]);
  });
});
