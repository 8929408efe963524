import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startModernOnlyFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { cli, json, removeTestDataDir } from './cli-harness';
import { refusedPort } from '../../support/refused-port';

interface Step {
  method: string;
  name: string;
  arguments?: Record<string, unknown>;
  argumentsFrom?: string;
  outcome: 'ok' | 'isError' | 'error';
  result?: { content?: Array<{ text?: string }> };
  error?: { kind: string };
}
interface Report {
  era: string;
  tools: { listed: number; calls: Step[] };
  resources: { listed: number; reads: Step[]; skipped?: string };
  prompts: { listed: number; gets: Step[]; skipped?: string };
  summary: { ok: number; isError: number; error: number };
}

let playground: RunningPlayground;
let modernOnly: V2StreamableFixture;
let dir: string;

beforeAll(async () => {
  [playground, modernOnly] = await Promise.all([startPlayground({ port: 0 }), startModernOnlyFixture()]);
  dir = mkdtempSync(join(tmpdir(), 'periscope-exercise-'));
});
afterAll(async () => {
  await Promise.all([playground?.close(), modernOnly?.close()]);
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

const stepOf = (steps: Step[], name: string) => {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step for ${name} in ${steps.map((s) => s.name).join(', ')}`);
  return step;
};

describe.each(['legacy', 'modern'] as const)('periscope exercise against the playground, %s era', (era) => {
  it('calls every listed tool, reads every resource, gets every prompt, and exits 0 although some fail', async () => {
    const tools = json<{ tools: Array<{ name: string }> }>(await cli(['tools', playground.urls.streamable, '--json']));
    const run = await cli(['exercise', playground.urls.streamable, '--protocol-era', era, '--elicitation', 'accept-defaults', '--sampling', 'reply:ok', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = json<Report>(run);
    expect(report.era).toBe(era);
    expect(report.tools.calls.map((c) => c.name).sort()).toEqual(tools.tools.map((t) => t.name).sort());
    // Arguments come from the schema's defaults; `fail` reports an error in its result, on purpose.
    expect(stepOf(report.tools.calls, 'add')).toMatchObject({ outcome: 'ok', argumentsFrom: 'schema' });
    expect(stepOf(report.tools.calls, 'fail').outcome).toBe('isError');
    expect(stepOf(report.tools.calls, 'ask_model').result?.content?.[0]?.text).toBe('Model periscope-cli replied: ok');
    expect(report.resources.listed).toBeGreaterThan(0);
    expect(stepOf(report.resources.reads, 'playground://readme').outcome).toBe('ok');
    expect(report.prompts.gets.length).toBe(report.prompts.listed);
    expect(report.prompts.listed).toBeGreaterThan(0);
    const steps = [...report.tools.calls, ...report.resources.reads, ...report.prompts.gets];
    expect(report.summary.ok + report.summary.isError + report.summary.error).toBe(steps.length);
    expect(report.summary.isError).toBeGreaterThanOrEqual(1);
  });
});

describe('periscope exercise', () => {
  it('prints one line per request and a summary in text mode', async () => {
    const run = await cli(['exercise', modernOnly.url, '-H', 'X-Team-Key: k', '--elicitation', 'accept-defaults']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Connected to sdk-v2-fixture 2\.4\.0-fixture over streamable \(2026-07-28 era, version 2026-07-28\)$/m);
    expect(run.stdout).toMatch(/^Tools: 5 listed$/m);
    expect(run.stdout).toMatch(/^ {2}ok {7}tools\/call echo \{"message":"example"\} {2}\d+\.\d ms$/m);
    expect(run.stdout).toMatch(/^ {2}ok {7}tools\/call confirm_action \{"action":"example"\}/m);
    expect(run.stdout).toMatch(/^Resources: 1 listed$/m);
    expect(run.stdout).toMatch(/^Prompts: skipped \(the server does not advertise prompts\)$/m);
    expect(run.stdout).toMatch(/^Summary: 6 requests: 6 ok, 0 isError .*, 0 error /m);
    // x-mcp-header arguments were mirrored into Mcp-Param-* headers by the SDK, on the same connection.
    expect(modernOnly.requests.some((r) => r.headers['mcp-param-region'] === 'example' && r.headers['x-team-key'] === 'k')).toBe(true);
  });

  it('uses --calls and MCP_CONFORMANCE_CONTEXT arguments verbatim (the file wins), and notes unlisted tools', async () => {
    const file = join(dir, 'calls.json');
    writeFileSync(file, JSON.stringify({ toolCalls: [{ name: 'echo', arguments: { message: 'from the file' } }, { name: 'no_such_tool', arguments: {} }] }));
    const context = { toolCalls: [{ name: 'echo', arguments: { message: 'from env' } }, { name: 'regional_echo', arguments: { region: 'eu-west1', priority: 2, message: 'scripted' } }] };
    const run = await cli(['exercise', modernOnly.url, '--calls', file, '--json'], { env: { MCP_CONFORMANCE_CONTEXT: JSON.stringify(context) } });
    expect(run.code, run.stderr).toBe(0);
    const report = json<Report>(run);
    expect(stepOf(report.tools.calls, 'echo')).toMatchObject({ argumentsFrom: 'script', arguments: { message: 'from the file' }, result: { content: [{ text: 'from the file' }] } });
    expect(stepOf(report.tools.calls, 'regional_echo').result?.content?.[0]?.text).toBe('eu-west1/2: scripted');
    expect(stepOf(report.tools.calls, 'bump_counter').argumentsFrom).toBe('schema');
    expect(run.stderr).toMatch(/^note: the scripted call of "no_such_tool" was not made: the server did not list that tool\.$/m);
    expect(modernOnly.requests.some((r) => r.headers['mcp-param-region'] === 'eu-west1' && r.headers['mcp-param-priority'] === '2')).toBe(true);
  });

  it('reports a failing request as an error line and still exits 0', async () => {
    // --sampling reject ends ask_model's 2026-07-28 call: one error step, not the end of the run.
    const run = await cli(['exercise', playground.urls.streamable, '--sampling', 'reject', '--protocol-era', 'modern', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const askModel = stepOf(json<Report>(run).tools.calls, 'ask_model');
    expect(askModel).toMatchObject({ outcome: 'error', error: { kind: 'invalid-input' } });
  });

  it('stops on Ctrl-C between requests and exits with the cancelled code', async () => {
    let fire: () => void = () => undefined;
    const run = await cli(['exercise', playground.urls.streamable], {
      interrupt: (f) => (fire = f),
      onStdout: (chunk) => {
        if (chunk.includes('tools/call echo')) fire();
      },
    });
    expect(run.code).toBe(41);
    expect(run.stdout).not.toMatch(/^Summary:/m);
    expect(run.stderr).toMatch(/^error: Interrupted \(Ctrl-C\)/m);
  });

  it('exits with the error kind when it cannot connect, and refuses a broken script before connecting', async () => {
    const refused = await cli(['exercise', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable']);
    expect(refused.code).toBe(21);
    expect(refused.stderr).toMatch(/^hint: /m);

    const before = playground.seenRequests.length;
    const broken = await cli(['exercise', playground.urls.streamable], { env: { MCP_CONFORMANCE_CONTEXT: '{not json' } });
    expect(broken.code).toBe(11);
    expect(broken.stderr).toMatch(/^error: the MCP_CONFORMANCE_CONTEXT environment variable is not valid JSON/m);
    expect(playground.seenRequests.length).toBe(before);
    const missing = await cli(['exercise', playground.urls.streamable, '--calls', join(dir, 'missing.json')]);
    expect(missing.code).toBe(12);
  });
});
