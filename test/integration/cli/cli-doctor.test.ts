import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { refusedPort } from '../../support/refused-port';

const run = promisify(execFile);
const TOKEN = 'doctor-cli-secret-7c1f';
let open: RunningPlayground;
let guarded: RunningPlayground;
let dir: string;

beforeAll(async () => {
  // The same build `npm ci` runs through the prepare script.
  await run(process.execPath, ['build/build-cli.mjs']);
  [open, guarded] = await Promise.all([startPlayground({ port: 0 }), startPlayground({ port: 0, requireBearer: TOKEN })]);
  dir = mkdtempSync(join(tmpdir(), 'periscope-doctor-'));
}, 60_000);
afterAll(async () => {
  await Promise.all([open?.close(), guarded?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function periscope(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No proxy variables from the machine running the tests: the HTTP layer would warn about them.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?|all|no)_proxy$/i.test(k)));
    const child = spawn(process.execPath, ['bin/periscope.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, PERISCOPE_DATA_DIR: dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function junit(file: string) {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml).testsuite as { tests: string; failures: string; skipped: string; testcase: Array<Record<string, unknown>> };
}

describe('periscope doctor (the built binary)', () => {
  it('passes the playground: one line per layer, exit 0; --json is the whole report; --junit has a test case per layer', async () => {
    const human = await periscope(['doctor', open.urls.streamable]);
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toBe(`periscope doctor ${open.urls.streamable}`);
    for (const layer of ['url', 'dns', 'tcp', 'tls', 'http', 'health', 'transport', 'initialize', 'auth', 'metrics']) {
      expect(human.stdout).toMatch(new RegExp(`^(pass|WARN|skip) +([\\d.]+ ms)? +${layer} +\\S`, 'm'));
    }
    expect(lines.at(-1)).toMatch(/^no layer failed \(0 warnings\) in \d+ ms$/);

    const file = join(dir, 'ok.xml');
    const json = await periscope(['doctor', open.urls.streamable, '--json', '--junit', file]);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as DoctorReport;
    expect(report).toMatchObject({ ok: true, url: open.urls.streamable });
    expect(report.layers.map((l) => l.layer)).toEqual(['url', 'dns', 'tcp', 'tls', 'http', 'health', 'transport', 'initialize', 'auth', 'metrics']);
    const suite = junit(file);
    expect(suite).toMatchObject({ tests: '10', failures: '0' });
    expect(suite.testcase.every((t) => t.failure === undefined)).toBe(true);
  });

  it('exits 21 on a closed port, with the failure and the skipped layers in the JUnit report', async () => {
    const file = join(dir, 'refused.xml');
    const result = await periscope(['doctor', `http://127.0.0.1:${await refusedPort()}/mcp`, '--junit', file]);
    expect(result.code).toBe(21);
    expect(result.stdout).toMatch(/^FAIL +[\d.]+ ms +tcp +Connection refused/m);
    expect(result.stdout).toMatch(/^skip +tls +Not run: the TCP layer failed$/m);
    expect(result.stdout).toMatch(/^fixes:\n {2}tcp: /m);
    expect(result.stderr).toMatch(/^error: The TCP layer failed: Connection refused/m);
    const suite = junit(file);
    expect(suite).toMatchObject({ tests: '10', failures: '1', skipped: '7' });
    expect(suite.testcase.find((t) => t.name === 'tcp: TCP')).toMatchObject({ failure: { type: 'refused' } });
  });

  it('exits 31 on a 401, explains the challenge, and never prints the token', async () => {
    const file = join(dir, 'auth.xml');
    const wrong = await periscope(['doctor', guarded.urls.streamable, '--no-oauth', '-H', `Authorization: Bearer ${TOKEN}-wrong`, '--json', '--junit', file]);
    expect(wrong.code).toBe(31);
    const report = JSON.parse(wrong.stdout) as DoctorReport;
    expect(report.firstFailure).toBe('auth');
    expect(report.layers.find((l) => l.layer === 'auth')!.finding).toMatch(/401 Unauthorized; it asks for Bearer/);
    for (const text of [wrong.stdout, wrong.stderr, readFileSync(file, 'utf8')]) expect(text).not.toContain(TOKEN);

    const right = await periscope(['doctor', guarded.urls.streamable, '-H', `Authorization: Bearer ${TOKEN}`]);
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toMatch(/^pass +[\d.]+ ms +auth +The server accepted the request with Authorization \(values masked\)$/m);
    expect(right.stdout + right.stderr).not.toContain(TOKEN);
  });

  it('exits 10 for a URL that does not parse, still with a report', async () => {
    const result = await periscope(['doctor', 'http//localhost:3000/mcp', '--json']);
    expect(result.code).toBe(10);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report).toMatchObject({ ok: false, firstFailure: 'url' });
  });

  it('lists each layer\'s exit codes in its help', async () => {
    const help = await periscope(['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}tcp {9}21 refused, 23 timeout$/m);
    expect(help.stdout).toMatch(/^ {2}metrics {5}never fails \(warns only\)$/m);
  });

  it('refuses a stdio server and an unwritable JUnit path with their own exit codes', async () => {
    expect((await periscope(['doctor', '--stdio', '--', 'node', 'x.js'])).code).toBe(11);
    const unwritable = await periscope(['doctor', open.urls.streamable, '--junit', join(dir, 'no', 'such', 'dir', 'r.xml')]);
    expect(unwritable.code).toBe(52);
    expect(unwritable.stderr).toMatch(/Could not write the JUnit report/);
  });
});
