#!/usr/bin/env node
// Thin launcher: the CLI is bundled into out/cli by `npm run build:cli` (run by `prepare`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import envPaths from 'env-paths';
import { runWithCompileCache } from './compile-cache.js';

// Node's fetch parses HTTP with llhttp compiled to WebAssembly. V8 compiles it quickly first
// (Liftoff) and then again, optimized, on a background thread; a short command is done long
// before that second compile, yet Node waits for it before exiting (about 0.1 s of every run).
// The quick compile parses a command's few responses just as well. Set before the first fetch,
// which is when the WebAssembly is compiled.
setFlagsFromString('--liftoff-only');

const bundlePath = fileURLToPath(new URL('../out/cli/periscope.cjs', import.meta.url));
if (!existsSync(bundlePath)) {
  process.stderr.write('periscope: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you).\n');
  process.exit(70);
}
runWithCompileCache({
  bundlePath,
  cacheDir: join(envPaths('mcp-periscope', { suffix: '' }).cache, 'cli-compile-cache'),
  command: process.argv[2] ?? '',
});
