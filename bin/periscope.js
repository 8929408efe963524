#!/usr/bin/env node
// Thin launcher: the CLI is bundled into out/cli by `npm run build:cli` (run by `prepare`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import envPaths from 'env-paths';
import { runWithCompileCache } from './compile-cache.js';

/**
 * V8 flags for a command's start-up (set before the bundle is compiled; the code cache is made and
 * read under them, see compile-cache.js):
 * - `--liftoff-only`: Node's fetch parses HTTP with llhttp compiled to WebAssembly. V8 compiles it
 *   quickly first (Liftoff) and then again, optimized, on a background thread; a short command is
 *   done long before that second compile, yet Node waits for it before exiting (about 0.1 s of
 *   every run). The quick compile parses a command's few responses just as well.
 * - `--no-incremental-marking`, for the first INCREMENTAL_MARKING_AFTER_MS only: loading the
 *   bundle leaves a heap near the size at which V8 starts marking it incrementally, and a command
 *   that then makes its first request paid for a whole marking and compaction of a heap it was
 *   about to drop at exit (about 15 ms of a `tools` run). Without incremental marking V8 collects
 *   the old generation only when it reaches its size limit, which a short command does not.
 */
const START_UP_V8_FLAGS = ['--liftoff-only', '--no-incremental-marking'];

/**
 * After this long a command is a long-running one (a load run, `logs`, `subscribe`, the
 * playground): V8 marks incrementally again, so a growing heap is collected in small steps rather
 * than in one pause that a load run would measure as latency.
 */
const INCREMENTAL_MARKING_AFTER_MS = 1000;

const bundlePath = fileURLToPath(new URL('../out/cli/periscope.cjs', import.meta.url));
if (!existsSync(bundlePath)) {
  process.stderr.write('periscope: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you).\n');
  process.exit(70);
}
runWithCompileCache({
  bundlePath,
  cacheDir: join(envPaths('mcp-periscope', { suffix: '' }).cache, 'cli-compile-cache'),
  command: process.argv[2] ?? '',
  v8Flags: START_UP_V8_FLAGS,
});
// unref: never keeps a finished command waiting.
setTimeout(() => setFlagsFromString('--incremental-marking'), INCREMENTAL_MARKING_AFTER_MS).unref();
