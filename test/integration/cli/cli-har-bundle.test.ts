import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { writeAuthDebugRun } from '../../../main/core/auth-debug/run-file';
import { parseReproBundle } from '../../../main/core/bundle/repro-bundle';
import type { HarLog } from '../../../shared/model/har';
import { BUNDLE_SECRET_MARKER } from '../../../shared/model/repro-bundle';
import { expectValidHar } from '../../support/har-schema';
import { findLeaks } from '../../support/secret-leaks';
import { buildCli, periscope } from './support/bundled-cli';
import { refusedPort } from '../../support/refused-port';

const TOKEN = 'cli-har-token-J3k5l7';
let playground: RunningPlayground;
let dir: string;

beforeAll(async () => {
  await buildCli();
  playground = await startPlayground({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-har-'));
}, 60_000);
afterAll(async () => {
  await playground?.close();
  rmSync(dir, { recursive: true, force: true });
});

const readHar = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as HarLog;

describe('--har and periscope bundle (the built CLI)', () => {
  it('tools --har writes the exchanges as a valid HAR 1.2 file with the JSON-RPC methods, the token masked', async () => {
    const harPath = join(dir, 'tools.har');
    const run = await periscope(['tools', playground.urls.streamable, '--transport', 'streamable', '-H', `Authorization: Bearer ${TOKEN}`, '--har', harPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/HAR written to .*tools\.har \(\d+ HTTP exchanges\)/);
    expect(statSync(harPath).mode & 0o777).toBe(0o600);
    const har = readHar(harPath);
    expectValidHar(har);
    expect(har.log.creator.name).toBe('MCP Periscope');
    const methods = har.log.entries.map((e) => e._mcp.method);
    // The playground speaks 2026-07-28 (server/discover, no initialize).
    expect(methods).toEqual(expect.arrayContaining(['server/discover', 'tools/list']));
    const list = har.log.entries.find((e) => e._mcp.method === 'tools/list')!;
    expect(list.response.status).toBe(200);
    expect(list.request.postData!.text).toContain('"tools/list"');
    expect(list._mcp.resultMs).toBeGreaterThanOrEqual(list.timings.wait);
    expect(findLeaks(readFileSync(harPath, 'utf8'), [TOKEN])).toEqual([]);
  });

  it('on a refused port: the command exits as the failure (21) and the HAR still holds the failed exchange', async () => {
    const harPath = join(dir, 'refused.har');
    const run = await periscope(['tools', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable', '--har', harPath]);
    expect(run.code).toBe(21);
    const har = readHar(harPath);
    expectValidHar(har);
    expect(har.log.entries.length).toBeGreaterThan(0);
    expect(har.log.entries[0]!.response.status).toBe(0);
    expect(har.log.entries[0]!._mcp.error?.kind).toBe('refused');
  });

  it('export-har converts a recorded session file; a file that is not a session is refused with its reason', async () => {
    const record = join(dir, 'session.ndjson');
    const recorded = await periscope(['ping', playground.urls.streamable, '--transport', 'streamable', '--protocol-era', 'legacy', '--record', record]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const harPath = join(dir, 'from-session.har');
    const run = await periscope(['export-har', record, '--out', harPath]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/HAR written to .*from-session\.har/);
    const har = readHar(harPath);
    expectValidHar(har);
    expect(har.log.entries.map((e) => e._mcp.method)).toEqual(expect.arrayContaining(['initialize', 'ping']));
    expect(har.log.comment).toMatch(/From the session file recorded at/);

    const junk = join(dir, 'junk.ndjson');
    writeFileSync(junk, 'hello\n');
    const bad = await periscope(['export-har', junk, '--out', join(dir, 'junk.har')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/is not an MCP Periscope session file: its first line is not JSON/);
  });

  it('export-har on a damaged session file: writes the HAR from the rest, names each skipped line, exits 52', async () => {
    const record = join(dir, 'whole.ndjson');
    const recorded = await periscope(['ping', playground.urls.streamable, '--transport', 'streamable', '--protocol-era', 'legacy', '--record', record]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const lines = readFileSync(record, 'utf8').split('\n').slice(0, -1);
    const whole = await periscope(['export-har', record, '--out', join(dir, 'whole.har')]);
    const exchanges = readHar(join(dir, 'whole.har')).log.entries.length;
    expect(whole.code, whole.stderr).toBe(0);
    // Each kind of damage, and all at once: line numbers as in the file (the header is line 1).
    const cases: Array<[string, string, Array<[number, RegExp]>]> = [
      ['cut', `${lines.join('\n')}\n${lines[2]!.slice(0, 40)}`, [[lines.length + 1, /cut short/]]],
      ['mid', [...lines.slice(0, 3), '{"seq":4,broken', ...lines.slice(3)].join('\n') + '\n', [[4, /not JSON/]]],
      ['invalid', [lines[0], '{"seq":"x","kind":123}', ...lines.slice(1)].join('\n') + '\n', [[2, /has no "type"/]]],
      ['deep', [...lines.slice(0, 2), `{"seq":1,"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, ...lines.slice(2)].join('\n') + '\n', [[3, /has no "type"/]]],
      ['all', [lines[0], '{"seq":"x","kind":123}', ...lines.slice(1, 3), '{"seq":4,broken', ...lines.slice(3), lines[1]!.slice(0, 30)].join('\n'), [[2, /has no "type"/], [5, /not JSON/], [lines.length + 3, /cut short/]]],
    ];
    for (const [name, text, skipped] of cases) {
      const path = join(dir, `damaged-${name}.ndjson`);
      writeFileSync(path, text);
      const harPath = join(dir, `damaged-${name}.har`);
      const run = await periscope(['export-har', path, '--out', harPath]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(52);
      expect(run.stdout).toMatch(/HAR written to/);
      for (const [line, why] of skipped) expect(run.stderr).toMatch(new RegExp(`^warning: Line ${line} of the session file .*damaged-${name}\\.ndjson could not be read: .*${why.source}`, 'm'));
      expect(run.stderr.match(/^warning: Line /gm)).toHaveLength(skipped.length);
      expect(run.stderr).toMatch(/^error: The session file .* is damaged: .*could not be read/m);
      expect(run.stderr).toMatch(/^hint: /m);
      const har = readHar(harPath);
      expectValidHar(har);
      expect(har.log.entries.length).toBeGreaterThan(0);
      expect(har.log.entries.length).toBeLessThanOrEqual(exchanges);
      expect(har.log.comment).toMatch(/could not be read/);

      const json = await periscope(['export-har', path, '--out', harPath, '--json']);
      expect(json.code).toBe(52);
      const data = JSON.parse(json.stdout) as { problems: Array<{ kind: string; detail: { line: number } }> };
      expect(data.problems.map((p) => [p.kind, p.detail.line])).toEqual(skipped.map(([line]) => ['storage', line]));
    }
  });

  it('export-har accepts a UTF-8 byte order mark, and says a folder is a folder', async () => {
    const record = join(dir, 'bom-source.ndjson');
    expect((await periscope(['ping', playground.urls.streamable, '--transport', 'streamable', '--record', record])).code).toBe(0);
    const bom = join(dir, 'bom.ndjson');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(record)]));
    const run = await periscope(['export-har', bom, '--out', join(dir, 'bom.har')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');

    const folder = join(dir, 'folder.ndjson');
    mkdirSync(folder);
    const refused = await periscope(['export-har', folder, '--out', join(dir, 'folder.har')]);
    expect(refused.code).toBe(52);
    expect(refused.stderr).toMatch(/^error: .*folder\.ndjson is a folder, not a session file$/m);
    expect(refused.stderr).toMatch(/^hint: give the session file inside it/m);
    expect(refused.stderr).not.toMatch(/EISDIR|disk is not full/);
  });

  it('bundle: connects, lists what is offered and writes a bundle with remote (secret removed), trace, HAR and versions', async () => {
    const out = join(dir, 'ok-bundle.json');
    const run = await periscope(['bundle', playground.urls.streamable, '--transport', 'streamable', '-H', `Authorization: Bearer ${TOKEN}`, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out, listed: { tools: expect.any(Number), resources: expect.any(Number), prompts: expect.any(Number) } });
    const text = readFileSync(out, 'utf8');
    const bundle = parseReproBundle(text, out);
    expect(bundle.outcome).toEqual({ ok: true });
    expect(bundle.remote).toMatchObject({ transport_type: 'streamable', url: playground.urls.streamable, headers: [{ name: 'Authorization', value: BUNDLE_SECRET_MARKER, is_secret: true }] });
    expect(bundle.session.header.format).toBe('mcp-periscope-session');
    const methods = bundle.session.entries.flatMap((e) => (e.type === 'message' && e.direction === 'outgoing' ? [e.method] : []));
    expect(methods).toEqual(expect.arrayContaining(['server/discover', 'tools/list', 'resources/list', 'prompts/list']));
    expectValidHar(bundle.har);
    expect(Object.keys(bundle.versions.sdk)).toContain('@modelcontextprotocol/client');
    // The connection doctor's report rides along, every layer of it, the token masked there too.
    const doctor = bundle.doctor as { ok: boolean; layers: Array<{ layer: string; verdict: string }> };
    expect(doctor.ok).toBe(true);
    expect(doctor.layers.map((l) => l.layer)).toEqual(['url', 'dns', 'tcp', 'tls', 'http', 'health', 'transport', 'initialize', 'auth', 'metrics']);
    expect(findLeaks(text, [TOKEN])).toEqual([]);
  });

  it('bundle --auth-debug-run adds an exported auth debugger run; a file that is not one is refused before connecting (exit 11)', async () => {
    const runFile = join(dir, 'auth-run.json');
    await writeAuthDebugRun(runFile, { kind: 'periscope-auth-debug-run', version: 1, serverUrl: playground.urls.streamable, startedAt: 1, steps: [], finished: true, verdict: 'pass' });
    const out = join(dir, 'with-run.bundle.json');
    const run = await periscope(['bundle', playground.urls.streamable, '--transport', 'streamable', '--out', out, '--auth-debug-run', runFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseReproBundle(readFileSync(out, 'utf8'), out).authDebug).toMatchObject({ kind: 'periscope-auth-debug-run', serverUrl: playground.urls.streamable, finished: true });

    writeFileSync(join(dir, 'not-a-run.json'), '{"kind": "something else"}');
    const refused = await periscope(['bundle', playground.urls.streamable, '--transport', 'streamable', '--out', join(dir, 'never.json'), '--auth-debug-run', join(dir, 'not-a-run.json'), '--trace']);
    expect(refused.code, refused.stderr).toBe(11);
    expect(refused.stderr).not.toMatch(/server\/discover|initialize/);
  });

  it('bundle on a refused port: still written, records the failure, and exits as the failure would', async () => {
    const out = join(dir, 'refused-bundle.json');
    const run = await periscope(['bundle', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable', '--out', out]);
    expect(run.code).toBe(21);
    expect(run.stderr).toMatch(/Repro bundle written to .*; it records the failure/);
    const bundle = parseReproBundle(readFileSync(out, 'utf8'), out);
    expect(bundle.outcome.ok).toBe(false);
    expect(bundle.outcome.error?.kind).toBe('refused');
    expect(bundle.har.log.entries[0]!.response).toMatchObject({ status: 0 });
    // The doctor names the layer that breaks: nothing listens on the port.
    expect(bundle.doctor).toMatchObject({ ok: false, firstFailure: 'tcp' });

    // A bundle that cannot be written does not hide the failure: still exit 21, the write failure a warning.
    const unwritable = await periscope(['bundle', `http://127.0.0.1:${await refusedPort()}/mcp`, '--transport', 'streamable', '--out', '/dev/null/x/bundle.json']);
    expect(unwritable.code).toBe(21);
    expect(unwritable.stderr).toMatch(/^warning: Could not write the repro bundle \/dev\/null\/x\/bundle\.json/m);
  });

  it('bundle to an unwritable place after a successful run exits 52 (storage)', async () => {
    const run = await periscope(['bundle', playground.urls.streamable, '--transport', 'streamable', '--out', '/dev/null/x/bundle.json']);
    expect(run.code).toBe(52);
    expect(run.stderr).toMatch(/^error: Could not write the repro bundle/m);
  });
});
