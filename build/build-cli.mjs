// Bundles the `periscope` CLI (main/cli) into one ESM file, its packages included: resolving and
// loading hundreds of separate modules from node_modules was most of the CLI's start-up time.
// Native and optional native packages stay external (keytar's binding, ws's optional helpers).
// Code splitting keeps what only some commands need (the playground's server SDK, undici for
// custom TLS, the HDR histograms) in chunks loaded by those commands' dynamic imports.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

// A repro bundle names the MCP SDK versions installed; the bundled CLI has no node_modules to
// read them from at run time, so they are written into it here (main/core/bundle/bundle-versions.ts).
const sdkPackages = ['client', 'core', 'node', 'server'].map((name) => `@modelcontextprotocol/${name}`);
const sdkVersions = Object.fromEntries(
  sdkPackages.map((name) => [name, JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version]),
);

// Chunk names carry content hashes, so every build's chunks would pile up beside the new ones:
// `--clean` (npm run build:cli) starts from an empty folder. Tests rebuild without it, because
// another test's CLI process may be loading chunks from the folder at that moment.
if (process.argv.includes('--clean')) rmSync('out/cli', { recursive: true, force: true });

await build({
  entryPoints: { periscope: 'main/cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  minify: true,
  keepNames: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  define: { __PERISCOPE_SDK_VERSIONS__: JSON.stringify(sdkVersions) },
  external: ['keytar', 'bufferutil', 'utf-8-validate'],
  // CommonJS packages inside an ES module bundle still call require() and read __dirname.
  banner: {
    js: [
      "import { createRequire as __periscopeCreateRequire } from 'node:module';",
      "import { fileURLToPath as __periscopeFileURLToPath } from 'node:url';",
      "import { dirname as __periscopeDirname } from 'node:path';",
      'const require = __periscopeCreateRequire(import.meta.url);',
      'const __filename = __periscopeFileURLToPath(import.meta.url);',
      'const __dirname = __periscopeDirname(__filename);',
    ].join('\n'),
  },
  sourcemap: true,
  logLevel: 'warning',
});
