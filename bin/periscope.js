#!/usr/bin/env node
// Thin launcher: the CLI is bundled into out/cli by `npm run build:cli` (run by `prepare`).
import('../out/cli/periscope.mjs').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('out/cli')) {
    process.stderr.write('periscope: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you).\n');
    process.exit(70);
  }
  throw error;
});
