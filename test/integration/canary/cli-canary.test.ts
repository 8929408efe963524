import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_SECRETS } from '../../fixtures/canary/canary-echo';
import { startCanaryServer, type CanaryServer } from '../../fixtures/canary/canary-server';
import { cli, removeTestDataDir } from '../cli/cli-harness';
import { expectNoLeaks, filesAsOutputs, withQuerySecret, type Output } from './canary-support';

const STDIO_CANARY = fileURLToPath(new URL('../../fixtures/canary/canary-stdio-server.mjs', import.meta.url));
const HEADER_ARGS = ['-H', `X-Api-Key: ${CANARY_SECRETS.apiKey}`, '-H', `Authorization: Bearer ${CANARY_SECRETS.bearer}`];
const MODES: Record<string, string[]> = { plain: [], '--json': ['--json'], '--trace': ['--trace'] };
/** Every connecting command, with the canary's tools where they take one. */
const COMMANDS: string[][] = [['connect'], ['tools'], ['call', '@', 'echo', 'message=hi'], ['call', '@', 'fail'], ['call', '@', 'deny'], ['ping']];

let canary: CanaryServer;
let dir: string;
beforeAll(async () => {
  canary = await startCanaryServer();
  dir = await mkdtemp(join(tmpdir(), 'periscope-cli-canary-'));
});
afterAll(async () => {
  await canary.close();
  await rm(dir, { recursive: true, force: true });
  removeTestDataDir();
});

/** `periscope <command> <target>` with `@` standing for where the target goes (after the command name). */
function argv(command: string[], target: string[]): string[] {
  const [name, ...rest] = command;
  return rest[0] === '@' ? [name!, ...target, ...rest.slice(1)] : [name!, ...target, ...rest];
}

async function runAll(label: string, target: string[], extra: string[] = []): Promise<Output[]> {
  const outputs: Output[] = [];
  let n = 0;
  for (const [mode, flags] of Object.entries(MODES)) {
    for (const command of COMMANDS) {
      const record = join(dir, `${label}-${++n}.ndjson`);
      const args = [...argv(command, target), ...flags, '--record', record, ...extra];
      const run = await cli(args.includes('--') ? moveStdioCommandLast(args) : args);
      outputs.push([`${mode} ${command.join(' ')} stdout`, run.stdout], [`${mode} ${command.join(' ')} stderr`, run.stderr]);
    }
  }
  return outputs;
}

/** The stdio server's command line must stay after `--`, behind every option. */
function moveStdioCommandLast(args: string[]): string[] {
  const dashes = args.indexOf('--');
  const end = dashes + 3; // -- node script
  return [...args.slice(0, dashes), ...args.slice(end), ...args.slice(dashes, end)];
}

describe('canary through the CLI: stdout and stderr in plain, --json and --trace modes, and every --record file', () => {
  it('Streamable HTTP (auto: the 2026-07-28 era) and WebSocket (2025 era)', async () => {
    const outputs = [
      ...(await runAll('http', [withQuerySecret(canary.url), ...HEADER_ARGS])),
      ...(await runAll('ws', [withQuerySecret(canary.wsUrl), ...HEADER_ARGS])),
      ...(await filesAsOutputs(dir)),
    ];
    expectNoLeaks(outputs);
    const all = outputs.map(([, text]) => String(text)).join('\n');
    // The channels were really exercised: echoed values, masked, in each kind of output.
    expect(all).toMatch(/Server: +Canary \[redacted\]/);
    expect(all).toContain('echo [redacted]');
    expect(all).toMatch(/progress echo: .*working for \[redacted\]/);
    expect(all).toMatch(/error: .*cannot echo \[redacted\]/);
    expect(all).toMatch(/"kind": "auth"/);
  });

  it('stdio with a credential in --env', async () => {
    const target = ['--stdio', '--env', `OPENAI_API_KEY=${CANARY_SECRETS.env}`, '--', process.execPath, STDIO_CANARY];
    const outputs = [...(await runAll('stdio', target)), ...(await filesAsOutputs(dir))];
    expectNoLeaks(outputs);
    expect(outputs.map(([, text]) => String(text)).join('\n')).toContain('echo [redacted]');
  });

  it('failing connections print the redirect Location in the hint line, masked', async () => {
    const outputs: Output[] = [];
    for (const url of [canary.choicesUrl, canary.wsMovedUrl]) {
      for (const flags of Object.values(MODES)) {
        const run = await cli(['connect', withQuerySecret(url), ...HEADER_ARGS, ...flags]);
        expect(run.code).not.toBe(0);
        outputs.push([`${url} ${flags.join(' ')} stdout`, run.stdout], [`${url} ${flags.join(' ')} stderr`, run.stderr]);
      }
    }
    expectNoLeaks(outputs);
    expect(outputs.map(([, text]) => String(text)).join('\n')).toMatch(/hint: .*redirects to .*\[redacted\]/);
  });
});
