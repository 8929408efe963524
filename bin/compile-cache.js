// Runs the CLI's CommonJS bundle with V8's code cache, so a command does not compile the bundle
// again on every start (Node 22 can do this for any module; Node 20, which we support, cannot).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { builtinsLoadedSince, loadBuiltins, loadedBuiltins } from './early-builtins.js';

/** Set to 1 to run without the code cache (nothing read, nothing written). */
export const DISABLE_ENV = 'PERISCOPE_DISABLE_COMPILE_CACHE';

// The bundle's first line: its build id, the arrow that lets Node run the file directly (it gives
// the wrapper back here: see RUN_DIRECTLY in build/build-cli.mjs; a bare wrapper works the same),
// then the start of the module wrapper it carries itself.
const BUNDLE_START = /^\/\* periscope-build ([0-9a-f]{32}) \*\/(?:\(\(wrapper\) => [^\n]*?)?\(function \(exports, require, module, __filename, __dirname\) \{\n/;
// A cache file is one JSON line (the commands it has run, the built-in modules each of them
// loaded, the SHA-256 of the data) and then V8's data. The hash is checked before V8 sees the
// data: V8 checks only a few header fields, and damaged bytecode in a cache stops the process with
// a fatal error. Commands are remembered so a command the cache has not seen yet adds its code:
// the cache is written again after it, holding everything compiled by then (what was loaded from
// the cache and what the command compiled), until each command in use has been run once. Its
// built-ins are loaded at the next start before the V8 flags are set (why: early-builtins.js).
const MAX_COMMANDS = 64;

/**
 * Runs `bundlePath` as Node runs a CommonJS main module, compiled from the code cache in
 * `cacheDir` when there is a usable one, and schedules the cache to be written at exit when
 * there is not (or when `command` has not run from it yet).
 *
 * The bundle is what build/build-cli.mjs writes: a first line with its build id (a hash of its
 * content), an arrow that returns the wrapper when the file is a script (as here) and the start
 * of the module wrapper, the CommonJS code, and the wrapper's end. The
 * cache file is named by the build id, Node's version and the CPU architecture, so a rebuilt
 * bundle or another Node never reads a stale cache; data whose SHA-256 does not match is never
 * given to V8, data V8 refuses (made with other V8 flags) is replaced, and the bundle then
 * compiles as usual. Files of older builds are removed when a new one is written.
 * Every cache failure (unreadable, unwritable, full disk) falls back to compiling: the cache is
 * only ever a speed-up, so nothing about it reaches the command's output.
 *
 * @param {{ bundlePath: string, cacheDir: string, command: string, v8Flags?: string[], env?: NodeJS.ProcessEnv }} options
 *   `command` is the first command-line word; the cache remembers it when the bundle's exported
 *   `commandNames` list it, and records '' for anything else, each with the built-in modules it
 *   loaded, which are loaded first at the command's next start. `v8Flags` (e.g. `--liftoff-only`)
 *   are set after those built-ins and before the bundle is compiled, and set again just before
 *   the cache is written: V8 takes a code cache only under the flags it was made with (it checks
 *   a hash of all of them), and the command may have changed some while it ran (the launcher
 *   turns incremental marking back on after start-up).
 * @returns {'accepted' | 'rejected' | 'missing' | 'disabled'} what became of the code cache:
 *   used, refused by V8, not there (or unusable), or turned off with PERISCOPE_DISABLE_COMPILE_CACHE=1.
 * @throws Error when the file does not start as a bundle does; ENOENT when it is missing; and
 *   whatever the bundle throws while it loads.
 */
export function runWithCompileCache({ bundlePath, cacheDir, command, v8Flags = [], env = process.env }) {
  const builtinsBefore = loadedBuiltins();
  // ASCII (esbuild escapes everything else; build/build-cli.mjs checks), so Latin-1 reads it exactly.
  const source = readFileSync(bundlePath, 'latin1');
  const start = BUNDLE_START.exec(source);
  if (!start) throw new Error(`${bundlePath} is not a periscope CLI bundle (build it with npm run build:cli)`);
  const buildId = start[1];
  const enabled = env[DISABLE_ENV] !== '1';
  const cacheFile = enabled ? join(cacheDir, `${buildId}-${process.version}-${process.arch}.v8cache`) : undefined;
  const cached = cacheFile ? readCacheFile(cacheFile) : undefined;
  if (cached && Object.hasOwn(cached.builtins, command)) loadBuiltins(cached.builtins[command]);
  for (const flag of v8Flags) setFlagsFromString(flag);

  // The text as read, not wrapped here: see the banner in build/build-cli.mjs.
  const script = new vm.Script(source, {
    filename: bundlePath,
    cachedData: cached?.data,
    // No importModuleDynamically: V8 drops it from code that comes from the cache, so the bundle
    // has no import() at all (build/build-cli.mjs turns each into a require and checks).
  });
  const status = !enabled ? 'disabled' : cached === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = new Module(bundlePath);
  module.filename = bundlePath;
  if (cacheFile) {
    // At exit the command has compiled what it runs; `exit` handlers run on process.exit() too.
    process.once('exit', () => {
      // Only a name the bundle lists as a command is written down, never what else was typed first.
      const known = Array.isArray(module.exports.commandNames) && module.exports.commandNames.includes(command) ? command : '';
      // Written again for a new command, and for one whose built-ins an older launcher did not list.
      if (status === 'accepted' && cached.commands.includes(known) && Object.hasOwn(cached.builtins, known)) return;
      const commands = status !== 'accepted' ? [known] : cached.commands.includes(known) ? cached.commands : [...cached.commands, known].slice(-MAX_COMMANDS);
      const learned = status === 'accepted' ? cached.builtins : Object.create(null);
      const builtins = Object.fromEntries(commands.map((name) => [name, name === known ? builtinsLoadedSince(builtinsBefore) : (learned[name] ?? [])]));
      for (const flag of v8Flags) setFlagsFromString(flag);
      writeCacheFile(cacheFile, buildId, { commands, builtins }, script);
    });
  }
  const wrapper = script.runInThisContext();
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return status;
}

/**
 * The cache file's commands, the built-ins of each (a null-prototype object: command → module
 * ids) and V8 data; undefined when it is absent or not in our format.
 */
function readCacheFile(file) {
  try {
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    if (newline < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
    const data = bytes.subarray(newline + 1);
    if (!Array.isArray(header.commands) || header.sha256 !== sha256(data)) return undefined;
    const commands = header.commands.filter((name) => typeof name === 'string');
    const builtins = Object.create(null);
    // A file from before the lists were kept, or a list that is not one, loads nothing early (and
    // the command's list is learned again).
    for (const name of commands) if (Array.isArray(header.builtins?.[name])) builtins[name] = header.builtins[name];
    return { commands, builtins, data };
  } catch {
    return undefined;
  }
}

function writeCacheFile(file, buildId, { commands, builtins }, script) {
  const dir = dirname(file);
  const partial = `${file}.${process.pid}.partial`;
  try {
    // Private to the user: code read from here runs as the CLI.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify({ commands, builtins, sha256: sha256(data) })}\n`), data]), { mode: 0o600 });
    // Renamed into place: two commands finishing at once each leave a whole file.
    renameSync(partial, file);
    // Other builds' caches will never be read again (another Node's, for this build, may be).
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.v8cache') && !name.startsWith(`${buildId}-`)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only or full disk, a file where the folder should be: the next run compiles, as it
    // would without a cache.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either.
    }
  }
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}
