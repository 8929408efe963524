import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, json, removeTestDataDir, testDataDir } from './cli-harness';
import { EDGE_SERVER } from './support/edge-server';

afterAll(() => removeTestDataDir());

describe('a tool result with isError: true', () => {
  it('call prints the result, then exits 37 (tool-error) with an error and a hint line', async () => {
    const run = await cli(['call', 'fails', ...EDGE_SERVER]);
    expect(run.code).toBe(37);
    expect(run.stdout).toBe('The tool reported an error:\nquota exceeded for this key\n');
    expect(run.stderr).toMatch(/^error: The tool "fails" reported an error \(isError: true\): quota exceeded for this key\.$/m);
    expect(run.stderr).toMatch(/^hint: The request itself succeeded/m);
  });

  it('call --json prints the result as the one JSON document on stdout, and still exits 37', async () => {
    const run = await cli(['call', 'fails', '--json', ...EDGE_SERVER]);
    expect(run.code).toBe(37);
    expect(json(run)).toEqual({ content: [{ type: 'text', text: 'quota exceeded for this key' }], isError: true });
  });

  it('a result without isError (or with isError: false) exits 0', async () => {
    const run = await cli(['call', 'echo_args', 'x=1', ...EDGE_SERVER]);
    expect(run.code, run.stderr).toBe(0);
  });

  it('exercise exits 0 by default (the conformance suite needs it) and 37 with --fail-on-tool-error, report complete', async () => {
    const plain = await cli(['exercise', ...EDGE_SERVER]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^ {2}isError +tools\/call fails/m);

    const strict = await cli(['exercise', '--fail-on-tool-error', '--json', ...EDGE_SERVER]);
    expect(strict.code).toBe(37);
    const report = json<{ summary: { isError: number }; tools: { calls: unknown[] } }>(strict);
    expect(report.summary.isError).toBe(1);
    expect(report.tools.calls).toHaveLength(6);
    expect(strict.stderr).toMatch(/^error: 1 tool call reported an error \(isError: true\): fails\.$/m);
  });

  it('help exit-codes documents 36, 37 and 13', async () => {
    const run = await cli(['help', 'exit-codes']);
    expect(run.stdout).toMatch(/^\s+37 {2}tool-error +the tool ran and reported a failure/m);
    expect(run.stdout).toMatch(/^\s+36 {2}too-large /m);
    expect(run.stdout).toMatch(/^\s+13 {2}needs-confirmation /m);
  });
});

describe('periscope remotes export', () => {
  it('an unknown name is not-found (exit 12), naming it, and writes nothing', async () => {
    const out = join(testDataDir(), 'never-written.json');
    const run = await cli(['remotes', 'export', 'no-such-remote', '--out', out]);
    expect(run.code).toBe(12);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: No saved remote is called "no-such-remote"; nothing was exported\.$/m);
    expect(() => readFileSync(out)).toThrow();
  });

  it('one unknown name among known ones is still not-found; the known ones export alone when named alone', async () => {
    expect((await cli(['remotes', 'add', 'known-one', 'https://known.example.com/mcp'])).code).toBe(0);
    const mixed = await cli(['remotes', 'export', 'known-one', 'typo-one']);
    expect(mixed.code).toBe(12);
    expect(mixed.stderr).toContain('"typo-one"');
    expect(mixed.stderr).not.toMatch(/"known-one";/);
    const known = await cli(['remotes', 'export', 'known-one']);
    expect(known.code, known.stderr).toBe(0);
    expect(JSON.parse(known.stdout)).toEqual([{ name: 'known-one', transport_type: 'auto', url: 'https://known.example.com/mcp', headers: [] }]);
  });

  it('its help says how to write to a file', async () => {
    const run = await cli(['remotes', 'export', '--help']);
    expect(run.stdout).toMatch(/--out <file> +write to FILE instead of standard output/);
    expect(run.stdout).toContain('periscope remotes export --out remotes.json');
  });
});
