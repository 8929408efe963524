import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionFileWriter } from '../../../main/core/capture/session-file';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceEntry } from '../../../shared/model/trace';
import { startTestCore, type TestCore } from '../hostile/app-core-support';

// The app opens a session file with the same reader as `periscope export-har`: every line it
// skips comes back in `problems` (the window shows them as a warning), and the rest opens.
let test: TestCore;
beforeEach(async () => {
  test = await startTestCore();
});
afterEach(async () => {
  await test.close();
});

const base = { connectionId: 'c-1', wallTime: 1_700_000_000_000, monoTime: 1_700_000_000_000.5 };
const entries: TraceEntry[] = [
  { ...base, seq: 1, type: 'lifecycle', state: 'connecting', text: 'Connecting' },
  { ...base, seq: 2, type: 'stderr', line: 'one' },
  { ...base, seq: 3, type: 'stderr', line: 'two' },
];

async function sessionFile(name: string): Promise<{ path: string; lines: string[] }> {
  const path = join(test.dir, name);
  const writer = await SessionFileWriter.open(path);
  for (const entry of entries) writer.write(entry);
  await writer.close();
  return { path, lines: (await readFile(path, 'utf8')).split('\n').slice(0, -1) };
}

async function open(path: string): Promise<{ ok: true; value: { entries: TraceEntry[]; problems: ErrorInfo[] } } | { ok: false; error: ErrorInfo }> {
  test.dialogAnswer.path = path;
  return (await test.call('session:open', undefined)) as never;
}

describe('opening a damaged session file in the app', () => {
  const damage: Array<[string, (lines: string[]) => string, number, RegExp]> = [
    ['a cut last line', (lines) => `${lines.join('\n')}\n{"seq":4,"type":"stderr","conn`, 5, /cut short/],
    ['a broken line mid-file', (lines) => [...lines.slice(0, 2), '{"seq":4,broken', ...lines.slice(2)].join('\n') + '\n', 3, /not JSON/],
    ['an entry that does not validate', (lines) => [lines[0], '{"seq":"x","kind":123}', ...lines.slice(1)].join('\n') + '\n', 2, /has no "type"/],
    ['a line nested 100,000 levels deep', (lines) => [...lines, `{"seq":1,"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`].join('\n') + '\n', 5, /has no "type"/],
  ];
  for (const [what, damaged, line, why] of damage) {
    it(`${what}: opens the rest and reports line ${line}`, async () => {
      const { path, lines } = await sessionFile('s.ndjson');
      await writeFile(path, damaged(lines));
      const result = await open(path);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.problems).toHaveLength(1);
      expect(result.value.problems[0]).toMatchObject({ kind: 'storage', detail: { line } });
      expect(result.value.problems[0]!.message).toMatch(new RegExp(`^Line ${line} of the session file .* could not be read: `));
      expect(result.value.problems[0]!.message).toMatch(why);
      expect(result.value.entries.filter((e) => e.type === 'stderr').map((e) => e.seq)).toEqual([2, 3]);
    });
  }

  it('opens a file that starts with a UTF-8 byte order mark', async () => {
    const { path } = await sessionFile('bom.ndjson');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path)]));
    const result = await open(path);
    expect(result).toMatchObject({ ok: true, value: { problems: [] } });
    if (result.ok) expect(result.value.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('says a folder is a folder, and to choose the session file inside it', async () => {
    const folder = join(test.dir, 'a-folder.ndjson');
    await mkdir(folder);
    const result = await open(folder);
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', message: `${folder} is a folder, not a session file` } });
    if (!result.ok) expect(result.error.hint).toMatch(/session file inside it/);
  });
});
