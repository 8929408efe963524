// Bundles the `periscope` CLI (main/cli) into one minified CommonJS file, its packages included:
// resolving and loading hundreds of separate modules from node_modules was most of the CLI's
// start-up time. Native and optional native packages stay external (keytar's binding, ws's
// optional helpers). What only some commands need (the playground's server SDK, undici for custom
// TLS, the HDR histograms) is behind dynamic imports, which esbuild turns into lazily run module
// bodies: parsed with the file, run only by the commands that import them.
//
// CommonJS rather than an ES module because V8 can cache a script's compiled code
// (bin/compile-cache.js) and Node 20 has no code cache for ES modules: with the cache, a command
// starts without compiling the bundle again, about 0.1 s of every run.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// A repro bundle names the MCP SDK versions installed; the bundled CLI has no node_modules to
// read them from at run time, so they are written into it here (main/core/bundle/bundle-versions.ts).
const sdkPackages = ['client', 'core', 'node', 'server'].map((name) => `@modelcontextprotocol/${name}`);
const sdkVersions = Object.fromEntries(
  sdkPackages.map((name) => [name, JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version]),
);

// The first line names the build by a hash of its content; the launcher keys the code cache by it
// (V8 itself checks only the source's length). Written as a placeholder of the same length, then
// filled in, so the source map's positions stay right.
const BUILD_ID_PLACEHOLDER = '0'.repeat(32);

/**
 * Around the bundle's wrapper: when Node runs the file as the main module, `module` and `require`
 * are its module's, and the wrapper is called with them; in the launcher's vm script they are not
 * defined (`typeof` is safe), and the wrapper is the script's value. bin/compile-cache.js expects
 * exactly this text after the build id.
 */
const RUN_DIRECTLY =
  "((wrapper) => typeof module === 'object' && module !== null && typeof require === 'function' && require.main === module ? void wrapper.call(module.exports, module.exports, require, module, __filename, __dirname) : wrapper)";

/**
 * commander loads node:child_process when it loads, for stand-alone executable subcommands
 * (`git-foo` style), which periscope has none of; child_process brings cluster, dgram and dns
 * with it, about 10 ms of every command. Its one use, spawn, gets the module when called.
 */
const commanderWithoutChildProcess = {
  name: 'commander-without-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'commander-child-process', namespace: 'periscope-shim' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'periscope-shim' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * `import('node:tls')` stays a real import() in a CommonJS bundle, and V8 loses a script's
 * dynamic-import callback when the script comes from its code cache (the import then fails). Each
 * such import goes through a one-line module that requires the built-in: esbuild turns the
 * import() into a lazy require, which runs at the same moment the import would have.
 */
const builtinImportsAsRequires = {
  name: 'builtin-imports-as-requires',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'periscope-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'periscope-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

if (process.argv.includes('--clean')) rmSync('out/cli', { recursive: true, force: true });

const result = await build({
  entryPoints: { periscope: 'main/cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  minify: true,
  keepNames: true,
  target: 'node20',
  define: {
    __PERISCOPE_SDK_VERSIONS__: JSON.stringify(sdkVersions),
    // Shared sources find files next to themselves (keytar, through createRequire) with
    // import.meta.url, which a CommonJS file does not have: the bundle's own URL stands in.
    'import.meta.url': '__periscopeBundleUrl',
  },
  external: ['keytar', 'bufferutil', 'utf-8-validate'],
  // The file is the module wrapper Node would put around it (one function expression), so the
  // launcher compiles the file's text as it is: read as Latin-1, a text this large is kept outside
  // V8's heap, where wrapping it in a string at run time made a 2.4 MB copy inside it (and the
  // heap grew into a full garbage collection on every command).
  // The expression is handed to a small arrow first (RUN_DIRECTLY): run as a script by the
  // launcher, it gives the wrapper back; run by Node itself (`node out/cli/periscope.cjs tools …`,
  // Node's own module wrapper around it), it calls the wrapper, so the CLI runs either way.
  banner: {
    js: `/* periscope-build ${BUILD_ID_PLACEHOLDER} */${RUN_DIRECTLY}(function (exports, require, module, __filename, __dirname) {\nvar __periscopeBundleUrl = require('node:url').pathToFileURL(__filename).href;`,
  },
  footer: { js: '})' },
  plugins: [commanderWithoutChildProcess, builtinImportsAsRequires],
  // Licence comments go to periscope.cjs.LEGAL.txt: the bundle is then plain ASCII, which the
  // launcher reads as Latin-1 (half the time of decoding UTF-8).
  legalComments: 'external',
  sourcemap: true,
  write: false,
  logLevel: 'warning',
});

for (const file of result.outputFiles) {
  let text = file.text;
  if (file.path.endsWith('.cjs')) {
    if (/[\u0080-\uffff]/.test(text)) throw new Error('the CLI bundle must be ASCII (bin/compile-cache.js reads it as Latin-1)');
    const nativeImport = /[^\w$.]import\(\s*["'`][^"'`]*/.exec(text);
    if (nativeImport) throw new Error(`the CLI bundle must not use import() (it fails in code from V8's code cache): ${nativeImport[0]}`);
    const buildId = createHash('sha256').update(text).digest('hex').slice(0, BUILD_ID_PLACEHOLDER.length);
    text = text.replace(BUILD_ID_PLACEHOLDER, buildId);
  }
  // Written beside and renamed into place: a test may rebuild while another test's CLI process is
  // reading the bundle, which must see the old file or the new one, never half of one.
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file.path);
}
