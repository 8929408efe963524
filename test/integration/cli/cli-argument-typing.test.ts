import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, json, removeTestDataDir, testDataDir } from './cli-harness';
import { EDGE_SERVER } from './support/edge-server';

afterAll(() => removeTestDataDir());

const BIG = '7960607143101464577';

/** What the fixture's echo tools received, parsed from their text result. */
async function received(argv: string[]): Promise<unknown> {
  const run = await cli(['call', ...argv, '--json', ...EDGE_SERVER]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(json<{ content: Array<{ text: string }> }>(run).content[0]!.text);
}

describe('key=value arguments are typed by the effective type of each property', () => {
  it('anyOf integer|null, $ref, enum, type lists, oneOf and nullable arrays reach the server typed', async () => {
    expect(await received(['typed', 'n=5', 'count=2', 'mode=fast', 'level=3', 'ratio=0.5', 'flag=true', 'tags=["a"]', 'id=007'])).toEqual({
      n: 5,
      count: 2,
      mode: 'fast',
      level: 3,
      ratio: 0.5,
      flag: true,
      tags: ['a'],
      id: '007',
    });
    expect(await received(['typed', 'n=null', 'count=0', 'ratio=null', 'flag=auto', 'tags=null'])).toEqual({ n: null, count: 0, ratio: null, flag: 'auto', tags: null });
  });

  it('a value that fits none of the types is refused before the call (exit 11), naming them', async () => {
    const run = await cli(['call', 'typed', 'count=2', 'n=five', ...EDGE_SERVER]);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(/^error: Argument "n" must be integer or null according to the tool's input schema; got "five"\.$/m);
    expect(run.stderr).toMatch(/^hint: For example: n=3\./m);
  });

  it('the tools listing shows the same effective types', async () => {
    const run = await cli(['tools', ...EDGE_SERVER]);
    expect(run.stdout).toContain('    n?: integer|null\n    count: integer\n    mode?: "fast"|"slow"\n    level?: 1|2|3\n    ratio?: number|null\n');
  });
});

describe('integers beyond 2^53 never change digits silently', () => {
  it('key=value: refused with exit 11, naming the value and the limit; nothing is called', async () => {
    const run = await cli(['call', 'typed', `count=${BIG}`, '--trace', ...EDGE_SERVER]);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(new RegExp(`^error: Argument "count" is ${BIG}, beyond ±2\\^53 − 1 \\(9007199254740991\\).*would be sent as 7960607143101464576`, 'm'));
    expect(run.stderr).not.toMatch(/→ request\s+#\d+\s+tools\/call/);
  });

  it('--args: refused with exit 11 at its path; the same digits as a string go through exactly', async () => {
    const run = await cli(['call', 'echo_args', '--args', `{"order": {"id": ${BIG}}}`, ...EDGE_SERVER]);
    expect(run.code).toBe(11);
    expect(run.stderr).toMatch(new RegExp(`^error: A number in --args at order\\.id is ${BIG}, beyond`, 'm'));
    expect(await received(['echo_args', '--args', `{"order": {"id": "${BIG}"}, "safe": 9007199254740991}`])).toEqual({ order: { id: BIG }, safe: 9007199254740991 });
  });

  it('--calls for exercise: refused with exit 11 before connecting', async () => {
    const file = join(testDataDir(), 'big-calls.json');
    writeFileSync(file, `{"toolCalls": [{"name": "echo_args", "arguments": {"id": ${BIG}}}]}`);
    const run = await cli(['exercise', '--calls', file, ...EDGE_SERVER]);
    expect(run.code).toBe(11);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: A number in --calls .* at toolCalls\\[0\\]\\.arguments\\.id is ${BIG}`, 'm'));
  });

  it('a result holding one: shown as "≈<rounded>" in --json and in text, with a warning naming where', async () => {
    const asJson = await cli(['call', 'big', '--json', ...EDGE_SERVER]);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(json<{ structuredContent: unknown }>(asJson).structuredContent).toEqual({ order_id: '≈7960607143101464576', small: 42 });
    expect(asJson.stdout).not.toMatch(/7960607143101464\d+[,\n ]/); // never as a bare number
    expect(asJson.stderr).toMatch(/^warning: the server sent integers beyond ±2\^53 − 1 \(9007199254740991\) at structuredContent\.order_id;/m);

    const asText = await cli(['call', 'big', ...EDGE_SERVER]);
    expect(asText.stdout).toContain('"order_id": "≈7960607143101464576"');
    expect(asText.stdout).toContain(`order ${BIG}`); // inside a string, the digits are the server's
    expect(asText.stderr).toMatch(/^warning: the server sent integers beyond/m);

    const exercised = await cli(['exercise', '--json', ...EDGE_SERVER]);
    const step = json<{ tools: { calls: Array<{ name: string; result: { structuredContent: unknown } }> } }>(exercised).tools.calls.find((c) => c.name === 'big');
    expect(step!.result.structuredContent).toEqual({ order_id: '≈7960607143101464576', small: 42 });
    expect(exercised.stderr).toMatch(/at tools\.calls\[5\]\.result\.structuredContent\.order_id/);
  });
});
