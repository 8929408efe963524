import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { cli, removeTestDataDir } from './cli-harness';

let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterAll(async () => {
  await playground?.close();
  removeTestDataDir();
});

const transports = [
  { transport: 'streamable', url: () => playground.urls.streamable },
  { transport: 'sse', url: () => playground.urls.sse },
  { transport: 'websocket', url: () => playground.urls.websocket },
] as const;

describe.each(transports)('periscope commands over $transport', ({ transport, url }) => {
  const on = (command: string, ...rest: string[]) => cli([command, url(), '--transport', transport, ...rest]);

  it('connect shows server, protocol, capabilities and the transport used', async () => {
    const run = await on('connect');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Server:\s+.*periscope-playground.* 1\.0\.0/);
    expect(run.stdout).toMatch(/Protocol:\s+\d{4}-\d{2}-\d{2}/);
    expect(run.stdout).toContain(`Transport:   ${transport}`);
    expect(run.stdout).toMatch(/Capabilities:\n\s+\w+/);
    // How the connection came up: over HTTP the socket's phases; WebSocket says what it cannot break down.
    if (transport === 'websocket') expect(run.stdout).toMatch(/Set-up:\s+[\d.]+ ms: (initialize|server\/discover) [\d.]+ ms\n\s+- WebSocket: the socket set-up is not broken down/);
    else expect(run.stdout).toMatch(/Set-up:\s+[\d.]+ ms: TCP [\d.]+ ms · first byte [\d.]+ ms · (initialize|server\/discover) [\d.]+ ms\n\s+- DNS: nothing to look up \(the host is an IP address\)\n\s+- TLS: none \(the URL is http:\)/);
  });

  it('tools lists the playground tools with their arguments', async () => {
    const run = await on('tools');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^echo\b/m);
    expect(run.stdout).toMatch(/^\s+message: string/m);
    expect(run.stdout).toMatch(/^slow_operation\b/m);
  });

  it('call takes --args JSON and typed key=value pairs', async () => {
    const withJson = await on('call', 'add', '--args', '{"a": 2, "b": 3}');
    expect(withJson.code, withJson.stderr).toBe(0);
    expect(withJson.stdout.trim()).toBe('5');
    // a and b are numbers in the schema, so "2" and "40" must arrive as numbers to give 42.
    const withPairs = await on('call', 'add', 'a=2', 'b=40');
    expect(withPairs.code, withPairs.stderr).toBe(0);
    expect(withPairs.stdout.trim()).toBe('42');
    const echo = await on('call', 'echo', 'message=007 = agent');
    expect(echo.stdout.trim()).toBe('007 = agent');
  });

  it('call shows progress lines on stderr for a slow tool', async () => {
    const run = await on('call', 'slow_operation', 'steps=3', 'stepMs=10');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/progress slow_operation: 1\/3/);
    // The last notification may race the result on some transports, so only the first two are certain.
    expect(run.stderr).toMatch(/progress slow_operation: 2\/3 \(67%\)/);
  });

  it('resources lists resources and templates; read shows a text resource', async () => {
    const list = await on('resources');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('playground://readme');
    expect(list.stdout).toMatch(/Resource templates:\n\s+playground:\/\/items\/\{id\}/);
    const read = await on('read', 'playground://items/77');
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ id: '77' });
  });

  it('prompts lists prompts with arguments; prompt renders the messages', async () => {
    const list = await on('prompts');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^review_code\b/m);
    expect(list.stdout).toMatch(/^\s+language\b/m);
    const prompt = await on('prompt', 'review_code', 'code=let x = 1', 'language=typescript');
    expect(prompt.code, prompt.stderr).toBe(0);
    expect(prompt.stdout).toContain('[user]');
    expect(prompt.stdout).toContain('let x = 1');
  });

  it('ping reports the latency', async () => {
    const run = await on('ping');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`pong from periscope-playground over ${transport}: \\d+\\.\\d\\d ms`));
  });
});

describe('periscope call errors before and after connecting', () => {
  it('names the tools the server has when the tool does not exist (exit 12)', async () => {
    const run = await cli(['call', playground.urls.streamable, 'nope']);
    expect(run.code).toBe(12);
    expect(run.stderr).toMatch(/^error: The server has no tool called "nope"\.$/m);
    expect(run.stderr).toMatch(/^hint: Available tools: .*echo/m);
  });

  it('rejects a value that does not fit the schema (exit 11) and a missing tool name (exit 1)', async () => {
    const bad = await cli(['call', playground.urls.streamable, 'add', 'a=two', 'b=1']);
    expect(bad.code).toBe(11);
    expect(bad.stderr).toContain('"a" must be number');
    const missing = await cli(['call', playground.urls.streamable]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: missing tool name/m);
  });

  it('auto-detects the transport and explains the choice', async () => {
    const run = await cli(['connect', playground.urls.streamable]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Transport:\s+streamable/);
    expect(run.stdout).toMatch(/Detection:\s+\S/);
  });
});
