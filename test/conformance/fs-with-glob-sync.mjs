/**
 * node:fs plus Node 22's `globSync`, for the conformance suite on Node 20 (see
 * glob-sync-polyfill.mjs). Built on tinyglobby, which is already in node_modules.
 *
 * Shape kept from Node 22 (docs: https://nodejs.org/api/fs.html#fsglobsyncpattern-options):
 * `globSync(pattern | pattern[], { cwd?, exclude? }) → string[]`, paths relative to `cwd`.
 * `withFileTypes` is not supported (the suite does not use it) and fails loudly.
 */
import fs from 'node:fs';
import { globSync as tinyGlobSync } from 'tinyglobby';

export * from 'node:fs';
export default fs;

export function globSync(pattern, options = {}) {
  if (options.withFileTypes) throw new Error('globSync polyfill: withFileTypes is not supported');
  const paths = tinyGlobSync(pattern, { cwd: options.cwd ?? process.cwd(), expandDirectories: false, onlyFiles: false, dot: true });
  return typeof options.exclude === 'function' ? paths.filter((path) => !options.exclude(path)) : paths;
}
