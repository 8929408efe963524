/**
 * `fs.globSync` for the conformance suite on Node 20.
 *
 * `@modelcontextprotocol/conformance` (0.2.0-alpha.12) is built for Node 22 and imports
 * `globSync` from "fs" by name. On Node 20 that import fails at link time, so even `--help` dies
 * with "The requested module 'fs' does not provide an export named 'globSync'". Assigning
 * `fs.globSync` cannot help: a builtin's ESM export list is fixed (and `syncBuiltinESMExports()`
 * adds no names). So this module registers a resolve hook that hands importers inside the
 * conformance package `fs-with-glob-sync.mjs` (all of node:fs plus `globSync`) instead of "fs".
 * Everyone else keeps the real builtin. On Node 22+ it does nothing.
 *
 * Use: `node --import ./test/conformance/glob-sync-polyfill.mjs node_modules/@modelcontextprotocol/conformance/dist/index.js …`
 * The suite's only call is `globSync('**\/checks.json', { cwd })` (tier-check result scoring).
 */
import fs from 'node:fs';
import { register } from 'node:module';

if (typeof fs.globSync !== 'function') {
  const shim = new URL('./fs-with-glob-sync.mjs', import.meta.url).href;
  const hooks = `
    export async function resolve(specifier, context, next) {
      const fromSuite = context.parentURL?.includes('/@modelcontextprotocol/conformance/') ?? false;
      if (fromSuite && (specifier === 'fs' || specifier === 'node:fs')) return { url: ${JSON.stringify(shim)}, shortCircuit: true };
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
