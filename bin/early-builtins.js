// Node's own modules (http, tls, zlib, its fetch…) come with compiled code built into the node
// binary, and V8 uses that code only under the V8 flags it was made with: Node's defaults. Once
// the launcher sets its start-up flags (--liftoff-only, --no-incremental-marking: see
// bin/periscope.js), every built-in module loaded after that is compiled from its source, about
// 11 ms for what a `periscope tools` run loads and 10 more for fetch. So the launcher learns which
// built-ins each command loads (compile-cache.js keeps the list with its code cache) and loads
// them at the next start before it sets the flags.
import { createRequire, isBuiltin } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

/**
 * Stands for Node's fetch implementation (its internal copy of undici), which no public module id
 * names: Node loads it the first time a program uses fetch or one of its classes.
 */
export const FETCH = 'fetch';
const FETCH_MODULE = 'internal/deps/undici/undici';
const LOADED_PREFIX = 'NativeModule ';

/**
 * The built-in modules this process has loaded so far, as a set to pass to
 * {@link builtinsLoadedSince} later. Node lists them in `process.moduleLoadList` (not a documented
 * API: where it is missing the set is empty, and nothing is learned).
 * @returns {Set<string>}
 */
export function loadedBuiltins() {
  return new Set(Array.isArray(process.moduleLoadList) ? process.moduleLoadList : []);
}

/**
 * The public built-in module ids (`http`, `fs/promises`) loaded since `before` was taken, in load
 * order, with {@link FETCH} where Node's fetch was loaded; Node's internal modules are left out
 * (they load with the public ones that need them).
 * @param {Set<string>} before from {@link loadedBuiltins}
 * @returns {string[]}
 */
export function builtinsLoadedSince(before) {
  const names = [];
  for (const entry of loadedBuiltins()) {
    if (before.has(entry) || !entry.startsWith(LOADED_PREFIX)) continue;
    const id = entry.slice(LOADED_PREFIX.length);
    if (id === FETCH_MODULE) names.push(FETCH);
    else if (isBuiltin(id)) names.push(id);
  }
  return names;
}

/**
 * Loads the named built-in modules now (before the launcher changes V8's flags), so they compile
 * from the code built into Node. Names that are not public built-in ids are skipped, as is a
 * module that fails to load (the command then loads it when it needs it, and sees the error
 * there): this is only ever a speed-up.
 * @param {unknown} names from {@link builtinsLoadedSince}, as read back from the cache file
 */
export function loadBuiltins(names) {
  if (!Array.isArray(names)) return;
  for (const name of names) {
    try {
      // Reading a class of fetch's (defined as a lazy getter) loads its implementation, without a request.
      if (name === FETCH) void globalThis.Headers;
      else if (typeof name === 'string' && isBuiltin(name)) requireBuiltin(name);
    } catch {
      // Not available in this Node (e.g. `inspector` in a build without it).
    }
  }
}
