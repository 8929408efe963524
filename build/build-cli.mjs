// Bundles the `periscope` CLI (main/cli) into one ESM file. Packages stay external so the
// native keytar binding and the SDK resolve from node_modules as usual.
import { build } from 'esbuild';

await build({
  entryPoints: { periscope: 'main/cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
