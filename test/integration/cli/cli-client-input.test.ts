import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startModernOnlyFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { v2StdioFixtureCommand } from '../../fixtures/sdk-servers/v2-stdio-fixture';
import { cli, json, removeTestDataDir } from './cli-harness';

const ERAS = ['legacy', 'modern'] as const;
/** The client-input fixture over stdio (both eras: the first exchange picks one). */
const INPUT_SERVER = ['--stdio', '--', process.execPath, '--import', 'tsx', join(__dirname, 'support/client-input-stdio.ts')];
const V2_DUAL_STDIO = (() => {
  const { command, args } = v2StdioFixtureCommand('dual');
  return ['--stdio', '--', command, ...args];
})();

let playground: RunningPlayground;
let modernOnly: V2StreamableFixture;

beforeAll(async () => {
  [playground, modernOnly] = await Promise.all([startPlayground({ port: 0 }), startModernOnlyFixture()]);
});
afterAll(async () => {
  await Promise.all([playground?.close(), modernOnly?.close()]);
  removeTestDataDir();
});

type ToolResult = { content: Array<{ text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

describe.each(ERAS)('--elicitation and --sampling against the playground, %s era', (era) => {
  const call = (tool: string, ...options: string[]) => cli(['call', playground.urls.streamable, tool, '--protocol-era', era, '--trace', ...options]);

  it('accept-defaults declines ask_user (its required name has no default), says so on stderr, and the trace names the option', async () => {
    const run = await call('ask_user', '--elicitation', 'accept-defaults');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('The user chose to decline the question.');
    expect(run.stderr).toMatch(/^note: --elicitation accept-defaults declined ".*": required field "name" has no default value\.$/m);
    expect(run.stderr).toMatch(/input\s+elicitation\/create decline by the --elicitation accept-defaults option/);
  });

  it('--elicitation cancel answers cancel', async () => {
    const run = await call('ask_user', '--elicitation', 'cancel');
    expect(run.stdout).toContain('The user chose to cancel the question.');
    expect(run.stderr).toMatch(/elicitation\/create cancel by the --elicitation cancel option/);
  });

  it('without options nothing changes: the engine declines, traced as its default', async () => {
    const run = await call('ask_user');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('The user chose to decline the question.');
    expect(run.stderr).toMatch(/elicitation\/create decline by default/);
    expect(run.stderr).not.toContain('note: --elicitation');
    // Sampling stays "not configured": a tool error in 2025 (isError, exit 37), the call ended in 2026-07-28 (exit 11).
    const sampling = await call('ask_model');
    expect(sampling.stderr).toMatch(/sampling\/createMessage error by default/);
    expect(sampling.code).toBe(era === 'legacy' ? 37 : 11);
    expect(sampling.stdout + sampling.stderr).toMatch(/[Ss]ampling is not configured/);
  });

  it('--sampling reply:TEXT answers as the model periscope-cli', async () => {
    const run = await call('ask_model', '--sampling', 'reply:Hello from the CLI', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(json<ToolResult>(run).content[0]!.text).toBe('Model periscope-cli replied: Hello from the CLI');
    expect(run.stderr).toMatch(/sampling\/createMessage answered by the --sampling reply option/);
  });
});

describe('--sampling reject', () => {
  it('2025 era: the server gets the refusal as an error and reports it in the tool result', async () => {
    const run = await cli(['call', playground.urls.streamable, 'ask_model', '--protocol-era', 'legacy', '--sampling', 'reject', '--json']);
    expect(run.code, run.stderr).toBe(37); // the tool reported the refusal: isError
    const result = json<ToolResult>(run);
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toContain('Sampling was refused by the --sampling reject option');
  });

  it('2026-07-28 era: the refused round ends the call, reported as the client\'s refusal (exit 11), not a server error', async () => {
    const run = await cli(['call', playground.urls.streamable, 'ask_model', '--protocol-era', 'modern', '--sampling', 'reject']);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/^error: The server asked for sampling .* the --sampling reject option refused it/m);
    expect(run.stderr).toMatch(/^hint: to let the call go on, answer with --sampling reply:TEXT$/m);
  });
});

describe('v2 SDK servers: accept-defaults sends the defaults', () => {
  it('modern-only HTTP server: confirm_action is confirmed with the schema default', async () => {
    const run = await cli(['call', modernOnly.url, 'confirm_action', 'action=deploy', '--elicitation', 'accept-defaults', '-H', 'X-Team-Key: k']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('confirmed deploy');
  });

  it('dual-era stdio server in the 2025 era: the elicitation/create request is accepted with the default', async () => {
    const accepted = await cli(['call', 'confirm_action', 'action=ship', '--protocol-era', 'legacy', '--elicitation', 'accept-defaults', '--trace', ...V2_DUAL_STDIO]);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout.trim()).toBe('confirmed ship');
    expect(accepted.stderr).toMatch(/elicitation\/create accept by the --elicitation accept-defaults option/);
    const declined = await cli(['call', 'confirm_action', 'action=ship', '--protocol-era', 'legacy', '--elicitation', 'decline', ...V2_DUAL_STDIO]);
    expect(declined.stdout.trim()).toBe('not confirmed ship (decline)');
  });
});

describe.each(ERAS)('every default type, URL mode and --roots, %s era', (era) => {
  const call = (tool: string, ...options: string[]) => cli(['call', tool, '--protocol-era', era, '--json', ...options, ...INPUT_SERVER]);

  it('accept-defaults sends string, integer, number, boolean, enum and multi-select defaults', async () => {
    const run = await call('fill_form', '--elicitation', 'accept-defaults');
    expect(run.code, run.stderr).toBe(0);
    expect(json<ToolResult>(run).structuredContent).toEqual({
      action: 'accept',
      content: { name: 'Ada', age: 36, score: 9.5, verified: false, plan: 'pro', tags: ['a', 'c'] },
    });
  });

  it('accept-defaults declines a URL-mode elicitation and prints the URL on stderr', async () => {
    const run = await call('open_link', '--elicitation', 'accept-defaults');
    expect(run.code, run.stderr).toBe(0);
    expect(json<ToolResult>(run).structuredContent).toEqual({ action: 'decline' });
    expect(run.stderr).toMatch(/^note: --elicitation accept-defaults declined a URL-mode elicitation \(Verify your account\); open it yourself if you trust it: https:\/\/example\.com\/verify\?code=42$/m);
  });

  it('--roots offers file:// roots (a path is converted); without it the roots capability is not declared', async () => {
    const run = await call('list_roots', '--roots', 'file:///srv/project', '--roots', '/tmp/other');
    expect(run.code, run.stderr).toBe(0);
    expect(json<ToolResult>(run).structuredContent).toEqual({ roots: ['file:///srv/project', 'file:///tmp/other'] });

    // The server refuses to ask: as a tool error in the 2025 era (isError, exit 37), as error -32021 (missing capability) in 2026-07-28.
    const without = await call('list_roots');
    const said = era === 'legacy' ? json<ToolResult>(without).content[0]!.text : without.stderr;
    expect(said).toMatch(/Cannot request input 'roots' \(roots\/list\).*did not declare|do not declare the required capability/);
    expect(without.code).toBe(era === 'legacy' ? 37 : 33);
  });
});

describe('--roots validation', () => {
  it('refuses a root that is not a file:// URI before connecting (exit 11)', async () => {
    const before = playground.seenRequests.length;
    const run = await cli(['tools', playground.urls.streamable, '--roots', 'https://example.com/repo']);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/^error: --roots "https:\/\/example\.com\/repo" is not a file:\/\/ URI or a local path\.$/m);
    expect(playground.seenRequests.length).toBe(before);
  });
});
