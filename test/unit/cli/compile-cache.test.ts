import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The launcher's code cache (bin/compile-cache.js), run as the real launcher runs it: in a
// process of its own, since the cache is written when that process exits.
const LOADER = resolve('bin/compile-cache.js');
const BUILD_A = 'a'.repeat(32);
const BUILD_B = 'b'.repeat(32);

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'periscope-compile-cache-'));
  cacheDir = join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {\n';

/** A stand-in bundle as the build writes one: the build id and the module wrapper around CommonJS code that exports its command names. */
function writeBundle(buildId: string, body = "process.stdout.write('ran ' + require('node:path').basename(__filename) + '\\n');"): string {
  const path = join(dir, 'periscope.cjs');
  writeFileSync(path, `/* periscope-build ${buildId} */${WRAPPER_START}exports.commandNames = ['tools', 'call'];\n${body}\n})\n//# sourceMappingURL=periscope.cjs.map\n`);
  return path;
}

async function run(bundlePath: string, command: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = [], v8Flags: string[] = []): Promise<{ status: string; stdout: string; stderr: string }> {
  const script = `import { runWithCompileCache } from ${JSON.stringify(LOADER)};
    const status = runWithCompileCache({ bundlePath: ${JSON.stringify(bundlePath)}, cacheDir: ${JSON.stringify(cacheDir)}, command: ${JSON.stringify(command)}, v8Flags: ${JSON.stringify(v8Flags)} });
    process.stderr.write('status=' + status + '\\n');`;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { env: { ...process.env, PERISCOPE_DISABLE_COMPILE_CACHE: '', ...env } });
  const status = /status=(\w+)/.exec(stderr)?.[1] ?? 'none';
  return { status, stdout, stderr: stderr.replace(/status=\w+\n/, '') };
}

const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
type Header = { commands: string[]; builtins: Record<string, string[]>; sha256: string };
const header = (name: string) => JSON.parse(readFileSync(join(cacheDir, name)).toString('latin1').split('\n')[0]!) as Header;
/** Rewrites the cache file's header line, its V8 data left as it is (the SHA-256 covers only the data). */
function editHeader(name: string, edit: (header: Header) => unknown): void {
  const path = join(cacheDir, name);
  const bytes = readFileSync(path);
  const newline = bytes.indexOf(10);
  writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(edit(header(name)))}\n`), bytes.subarray(newline + 1)]));
}

// Loaded ahead of the launcher: reports, when the launcher first sets a V8 flag, which of the
// built-in modules the stand-in bundle uses are loaded by then.
const FLAG_WATCH = join(resolve('test/unit/cli'), 'fixtures', 'report-builtins-at-first-flag.mjs');
/** A bundle body that loads zlib and Node's fetch, as a real command loads http and fetch. */
const USES_BUILTINS = "require('node:zlib'); void Headers; process.stdout.write('ran\\n');";

describe('the CLI launcher code cache', () => {
  it('compiles and writes a private cache on the first run, then runs from it', async () => {
    const bundle = writeBundle(BUILD_A);
    const first = await run(bundle, 'tools');
    expect(first).toEqual({ status: 'missing', stdout: 'ran periscope.cjs\n', stderr: '' });
    expect(cacheFiles()).toEqual([`${BUILD_A}-${process.version}-${process.arch}.v8cache`]);
    expect(header(cacheFiles()[0]!).commands).toEqual(['tools']);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, cacheFiles()[0]!)).mode & 0o777).toBe(0o600);

    expect(await run(bundle, 'tools')).toEqual({ status: 'accepted', stdout: 'ran periscope.cjs\n', stderr: '' });
  });

  it('adds each new command to the cache, and records anything that is not a command as blank, never the word typed', async () => {
    const bundle = writeBundle(BUILD_A);
    await run(bundle, 'tools');
    await run(bundle, 'call');
    await run(bundle, 'Bearer-sk-live-0123456789');
    await run(bundle, 'https://user:hunter2@mcp.example/');
    const [file] = cacheFiles();
    expect(header(file!).commands).toEqual(['tools', 'call', '']);
    const bytes = readFileSync(join(cacheDir, file!)).toString('latin1');
    for (const typed of ['sk-live', 'hunter2', 'mcp.example']) expect(bytes).not.toContain(typed);
  });

  it('never hands damaged data to V8 (a damaged cache can stop V8 outright): compiles as usual and writes a good cache again', async () => {
    const bundle = writeBundle(BUILD_A);
    await run(bundle, 'tools');
    const path = join(cacheDir, cacheFiles()[0]!);
    const good = readFileSync(path);
    const newline = good.indexOf(10);
    for (const damage of [(b: Buffer) => b.fill(0x5a, newline + 40, newline + 48), (b: Buffer) => b.subarray(0, b.length - 100), (b: Buffer) => Buffer.concat([b, Buffer.from('more')])]) {
      writeFileSync(path, damage(Buffer.from(good)));
      expect(await run(bundle, 'tools')).toEqual({ status: 'missing', stdout: 'ran periscope.cjs\n', stderr: '' });
      expect((await run(bundle, 'tools')).status).toBe('accepted');
    }
  });

  it('says V8 refused data that is whole but was made for other V8 settings, and writes the cache again', async () => {
    const bundle = writeBundle(BUILD_A);
    await run(bundle, 'tools', {}, ['--no-opt']);
    expect((await run(bundle, 'tools')).status).toBe('rejected');
    expect((await run(bundle, 'tools')).status).toBe('accepted');
  });

  it('makes the cache under the start-up V8 flags it is read under, also when the command changed a flag while it ran', async () => {
    // As the launcher does: incremental marking off for start-up, on again later in the run.
    const startUpFlags = ['--liftoff-only', '--no-incremental-marking'];
    const bundle = writeBundle(BUILD_A, "require('node:v8').setFlagsFromString('--incremental-marking'); process.stdout.write('ran\\n');");
    expect((await run(bundle, 'tools', {}, [], startUpFlags)).status).toBe('missing');
    expect((await run(bundle, 'call', {}, [], startUpFlags)).status).toBe('accepted');
    expect(header(cacheFiles()[0]!).commands).toEqual(['tools', 'call']);
    expect((await run(bundle, 'tools', {}, [], startUpFlags)).status).toBe('accepted');
    // Flags are part of what V8 checks: the same cache read without them is refused.
    expect((await run(bundle, 'tools')).status).toBe('rejected');
  });

  it('records the built-in modules each command loads, and loads them at its next start before setting the V8 flags', async () => {
    const bundle = writeBundle(BUILD_A, USES_BUILTINS);
    const flags = ['--liftoff-only'];
    const first = await run(bundle, 'tools', {}, ['--import', FLAG_WATCH], flags);
    expect(first.stderr).toBe('at the first flag: zlib no, fetch no\n');
    expect(header(cacheFiles()[0]!).builtins).toEqual({ tools: expect.arrayContaining(['zlib', 'fetch']) });
    const second = await run(bundle, 'tools', {}, ['--import', FLAG_WATCH], flags);
    expect(second).toEqual({ status: 'accepted', stdout: 'ran\n', stderr: 'at the first flag: zlib yes, fetch yes\n' });
    // Another command has its own list: nothing of tools' is loaded for it.
    const other = await run(bundle, 'call', {}, ['--import', FLAG_WATCH], flags);
    expect(other.stderr).toBe('at the first flag: zlib no, fetch no\n');
    expect(Object.keys(header(cacheFiles()[0]!).builtins)).toEqual(['tools', 'call']);
  });

  it('loads nothing early that is not a public built-in module, from a header someone edited', async () => {
    const bundle = writeBundle(BUILD_A, USES_BUILTINS);
    await run(bundle, 'tools', {}, [], ['--liftoff-only']);
    const planted = join(dir, 'planted.cjs');
    writeFileSync(planted, "process.stdout.write('PLANTED CODE RAN\\n');");
    const file = cacheFiles()[0]!;
    const lists: unknown[] = [[planted, './planted.cjs', 'internal/deps/undici/undici', '__proto__', 42, null], 'zlib', { 0: 'zlib' }];
    for (const tools of lists) {
      editHeader(file, (h) => ({ ...h, builtins: { tools } }));
      const result = await run(bundle, 'tools', {}, ['--import', FLAG_WATCH], ['--liftoff-only']);
      expect(result).toEqual({ status: 'accepted', stdout: 'ran\n', stderr: 'at the first flag: zlib no, fetch no\n' });
    }
    // Not a command's own property: 'constructor' is no command (it is recorded as '').
    editHeader(file, (h) => ({ ...h, builtins: JSON.parse('{"tools": [], "__proto__": ["zlib"], "constructor": ["zlib"]}') as unknown }));
    expect((await run(bundle, 'constructor', {}, ['--import', FLAG_WATCH], ['--liftoff-only'])).stderr).toBe('at the first flag: zlib no, fetch no\n');
    // A new command writes the header again, every command with a list.
    const learned = expect.arrayContaining(['zlib', 'fetch']);
    expect(header(file).builtins).toEqual({ tools: [], '': learned });
  });

  it('learns the built-ins of a command that a file written by an older launcher lists without them', async () => {
    const bundle = writeBundle(BUILD_A, USES_BUILTINS);
    await run(bundle, 'tools', {}, [], ['--liftoff-only']);
    const file = cacheFiles()[0]!;
    editHeader(file, ({ builtins: _dropped, ...older }) => older);
    const first = await run(bundle, 'tools', {}, ['--import', FLAG_WATCH], ['--liftoff-only']);
    expect(first).toEqual({ status: 'accepted', stdout: 'ran\n', stderr: 'at the first flag: zlib no, fetch no\n' });
    expect(header(file)).toEqual({ commands: ['tools'], builtins: { tools: expect.arrayContaining(['zlib', 'fetch']) }, sha256: expect.any(String) });
    expect((await run(bundle, 'tools', {}, ['--import', FLAG_WATCH], ['--liftoff-only'])).stderr).toBe('at the first flag: zlib yes, fetch yes\n');
  });

  it('treats a cache file that is not in its format (truncated, empty, not JSON) as missing', async () => {
    const bundle = writeBundle(BUILD_A);
    await run(bundle, 'tools');
    const path = join(cacheDir, cacheFiles()[0]!);
    for (const contents of ['', '{"commands":["tools"]', 'not json\n\u0000\u0001', '{"commands":"tools"}\nxx', '{"commands":["tools"]}\nxx']) {
      writeFileSync(path, contents);
      expect(await run(bundle, 'tools')).toEqual({ status: 'missing', stdout: 'ran periscope.cjs\n', stderr: '' });
    }
  });

  it('never reads another build\'s cache, and removes it once the new build has written its own', async () => {
    await run(writeBundle(BUILD_A), 'tools');
    const rebuilt = writeBundle(BUILD_B, "process.stdout.write('the new build\\n');");
    expect(await run(rebuilt, 'tools')).toEqual({ status: 'missing', stdout: 'the new build\n', stderr: '' });
    expect(cacheFiles()).toEqual([`${BUILD_B}-${process.version}-${process.arch}.v8cache`]);
  });

  it('runs without a cache when turned off, and when the cache folder cannot be written', async () => {
    const bundle = writeBundle(BUILD_A);
    expect(await run(bundle, 'tools', { PERISCOPE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ status: 'disabled', stdout: 'ran periscope.cjs\n', stderr: '' });
    expect(() => readdirSync(cacheDir)).toThrow();


    writeFileSync(cacheDir, 'a file where the folder should be');
    expect(await run(writeBundle(BUILD_A), 'tools')).toEqual({ status: 'missing', stdout: 'ran periscope.cjs\n', stderr: '' });
    chmodSync(cacheDir, 0o600);
  });

  it('refuses a file that is not a bundle as the build writes one, naming it and the command that builds it', async () => {
    const path = join(dir, 'periscope.cjs');
    for (const contents of ["process.stdout.write('plain CommonJS');\n", `/* periscope-build ${BUILD_A} */\nprocess.stdout.write('no wrapper');\n`, `/* periscope-build short */${WRAPPER_START}})\n`]) {
      writeFileSync(path, contents);
      await expect(run(path, 'tools')).rejects.toThrow(/periscope\.cjs is not a periscope CLI bundle \(build it with npm run build:cli\)/);
    }
  });

  it('gives the bundle what Node gives a CommonJS module: require (resolving from its folder), module, exports, __filename, __dirname', async () => {
    const bundle = writeBundle(
      BUILD_A,
      "process.stdout.write([typeof require('node:path').join, require.resolve('./periscope.cjs') === __filename, module.filename === __filename, module.exports === exports, this === exports, require('node:path').dirname(__filename) === __dirname].join(' ') + '\\n');",
    );
    expect((await run(bundle, 'tools')).stdout).toBe('function true true true true true\n');
    expect((await run(bundle, 'tools')).stdout).toBe('function true true true true true\n');
  });
});
