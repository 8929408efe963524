/**
 * Runs `periscope exercise` for the conformance suite's auth/* client scenarios, mapping the
 * scenario's MCP_CONFORMANCE_CONTEXT (JSON) to the CLI's OAuth flags:
 *
 *   node test/conformance/auth-client.mjs <server-url>        (the suite appends the URL)
 *
 * Secrets never go on a command line: the client secret is piped to --client-secret-stdin, and
 * keys, ID tokens and assertions are written to files (mode 0600) in a private temporary folder
 * that is removed when the CLI exits. Every run uses --authorize follow (the suite's
 * authorization server approves without a login page), --token-store memory (nothing kept),
 * and the suite's client metadata URL (auth/basic-cimd expects exactly this client_id).
 * The scenario name only picks the grant where the context alone cannot tell (client
 * credentials vs a pre-registered client both carry client_id and client_secret) and DPoP.
 * Exit code: the CLI's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const context = process.env.MCP_CONFORMANCE_CONTEXT ? JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT) : {};
const CIMD_URL = 'https://conformance-test.local/client-metadata.json';

const folder = mkdtempSync(join(tmpdir(), 'periscope-auth-conformance-'));
const secretFile = (name, value) => {
  const path = join(folder, name);
  writeFileSync(path, value, { mode: 0o600 });
  return path;
};

const args = [join(repo, 'bin/periscope.js'), 'exercise', '--elicitation', 'accept-defaults', '--authorize', 'follow', '--token-store', 'memory', '--client-metadata-url', CIMD_URL];
let stdinSecret;
if (context.client_id) args.push('--client-id', context.client_id);
if (context.client_secret) {
  args.push('--client-secret-stdin');
  stdinSecret = context.client_secret;
}
if (scenario.startsWith('auth/client-credentials')) args.push('--grant', 'client_credentials');
if (context.private_key_pem) args.push('--private-key-file', secretFile('client-key.pem', context.private_key_pem));
if (context.signing_algorithm) args.push('--signing-alg', context.signing_algorithm);
if (context.idp_token_endpoint) {
  args.push('--grant', 'enterprise', '--idp-token-endpoint', context.idp_token_endpoint, '--idp-client-id', context.idp_client_id, '--idp-id-token-file', secretFile('id-token', context.idp_id_token));
}
if (context.valid_jwt) args.push('--grant', 'jwt_bearer', '--assertion-file', secretFile('assertion.jwt', context.valid_jwt));
if (scenario.startsWith('auth/dpop')) args.push('--dpop');
args.push(url);

const child = spawn(process.execPath, args, { stdio: ['pipe', 'inherit', 'inherit'] });
child.stdin.end(stdinSecret ?? '');
const done = (code) => {
  rmSync(folder, { recursive: true, force: true });
  process.exit(code ?? 1);
};
child.on('error', () => done(1));
child.on('close', (code) => done(code));
