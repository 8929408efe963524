// Security scan of the Electron configuration with @doyensec/electronegativity, run by
// `npm run test:security` (part of `npm test`). Fails on any HIGH or MEDIUM finding that is not
// explained in build/electronegativity-allowlist.json, and on allow-list entries that no longer
// match anything.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

// The scanner downloads translations and Electron's release list from GitHub on every run. The
// scan must work offline and touch no network, so its HTTP client is replaced by one that fails
// at once (it falls back to its bundled English texts), and the release-list check, which only
// says whether a newer Electron exists, is left out.
const gotPath = createRequire(join(scannerDir, 'package.json')).resolve('got');
const offline = () => Promise.reject(new Error('network disabled for the offline scan'));
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const run = require(join(scannerDir, 'dist/runner.js'));

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const silence = console.log;
console.log = () => {}; // the scanner talks on stdout even in library mode
let result;
try {
  result = await run({
    input: join(root, 'main'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = silence;
}

const allow = JSON.parse(readFileSync(join(root, 'build/electronegativity-allowlist.json'), 'utf8')).entries;
const serious = result.issues.filter((i) => i.severity.name === 'HIGH' || i.severity.name === 'MEDIUM');
const unexplained = serious.filter((i) => !allow.some((a) => a.id === i.id && a.file === i.file));
const stale = allow.filter((a) => !serious.some((i) => i.id === a.id && i.file === a.file));
const parseErrors = result.errors.filter((e) => !e.tolerable);

console.log(`electronegativity ${result.atomicChecks} atomic + ${result.globalChecks} global checks over main/ (Electron ${electronVersion})`);
for (const i of result.issues) {
  const mark = unexplained.includes(i) ? 'UNEXPLAINED' : serious.includes(i) ? 'allowed' : 'info';
  console.log(`  [${mark}] ${i.severity.name} ${i.id} ${i.file}:${i.location.line}`);
}
for (const e of parseErrors) console.log(`  [PARSE ERROR] ${e.file}: ${e.message}`);
for (const a of stale) console.log(`  [STALE ALLOW-LIST ENTRY] ${a.id} ${a.file}: no such finding any more; remove it`);

if (unexplained.length > 0 || stale.length > 0 || parseErrors.length > 0) {
  console.log('Security scan FAILED: fix the findings above or explain them in build/electronegativity-allowlist.json.');
  process.exit(1);
}
console.log(`Security scan passed: ${serious.length} medium/high finding(s), each explained in the allow-list.`);
