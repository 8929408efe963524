import { Command, InvalidArgumentError, Option } from 'commander';
import { MAX_TIMEOUT_MS, TIMEOUT_LIMIT_TEXT, type TransportChoice } from '../../shared/model';
import { withAuthOptions, type AuthOptions } from './auth-options';
import { parseSamplingOption, type ClientInputOptions } from './client-input-options';
import { parseProtocolVersionOption, type EraOptions } from './protocol-era-options';

/** The options every connecting command shares, as commander hands them to an action. */
export interface ConnectionOptions extends EraOptions, ClientInputOptions, AuthOptions {
  transport: Exclude<TransportChoice, 'stdio'>;
  header: string[];
  timeout?: number;
  ca: string[];
  insecure?: boolean;
  trace?: boolean;
  record?: string;
  /** The session file's cap in MiB (--record-cap); recording stops there with a warning. */
  recordCap?: number;
  /** Write the command's HTTP exchanges as a HAR 1.2 file here (--har), also when it fails. */
  har?: string;
  json?: boolean;
  stdio?: boolean;
  env: string[];
  cwd?: string;
  dataDir?: string;
  /** Stop with a session-expired error instead of starting a new session on a 404. */
  stopOnSessionExpiry?: boolean;
  /** The largest message accepted from the server (WebSocket, HTTP body, event stream), in MB (MiB). */
  maxMessageMb?: number;
  /** Lets a saved stdio remote imported from a file run its command (confirmed once, for good). */
  confirmCommand?: boolean;
  /** Filled in by runCli: everything after `--` when --stdio was given. */
  stdioCommand?: string[];
}

/** Commander's argument parser for a repeatable option: every value, in order. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number of megabytes (MiB).`);
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  // commander turns InvalidArgumentError into a usage error naming the option.
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number of milliseconds.`);
  if (n > MAX_TIMEOUT_MS) throw new InvalidArgumentError(`"${value}" is too long: give ${TIMEOUT_LIMIT_TEXT}.`);
  return n;
}

function positiveMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive number of megabytes.`);
  return n;
}

/** Commander leaves a repeatable option undefined when it is not given (so help shows no "default: []"). */
export function normalizeConnectionOptions(raw: Partial<ConnectionOptions>): ConnectionOptions {
  return { ...raw, transport: raw.transport ?? 'auto', header: raw.header ?? [], ca: raw.ca ?? [], env: raw.env ?? [] };
}

/** The usage line of a connecting command: a target, or --stdio with the command after `--`. */
export function connectingUsage(rest = ''): string {
  const tail = rest ? ` ${rest}` : '';
  return `[options] <url|remote>${tail}   |   --stdio [options]${tail} -- <command...>`;
}

/** Adds the shared connection options to a command (one definition, so every command agrees). */
export function withConnectionOptions(cmd: Command): Command {
  return withAuthOptions(cmd)
    .addOption(
      new Option('--transport <kind>', 'transport to use; auto tries Streamable HTTP, then legacy SSE')
        .choices(['auto', 'streamable', 'sse', 'websocket'])
        .default('auto'),
    )
    .option('-H, --header <header>', 'extra header "Name: value" (repeatable); values of credential headers are masked in all output', collect)
    .addOption(new Option('--timeout <ms>', 'connect and request timeout in milliseconds').argParser(positiveInteger))
    .option('--ca <file>', 'extra CA certificate file in PEM format (repeatable)', collect)
    .option('--insecure', 'accept invalid TLS certificates (reported as a warning)')
    .option('--trace', 'print the live trace to stderr, one line per entry')
    .option('--record <file>', 'write the session file (NDJSON, secrets redacted) to <file>')
    .addOption(new Option('--record-cap <MiB>', 'the most the session file may grow to; recording stops there with a warning (default 500)').argParser(megabytes))
    .option('--har <file>', 'write the HTTP exchanges as a HAR 1.2 file (secrets masked) to <file>, also when the command fails')
    .option('--json', 'machine-readable output (errors as {"error": {...}})')
    .option('--stdio', 'run a local server over stdio: the command follows `--`, e.g. --stdio -- node server.js')
    .option('--env <KEY=value>', 'environment variable for the --stdio server (repeatable)', collect)
    .option('--cwd <dir>', 'working folder for the --stdio server')
    .option('--data-dir <dir>', 'folder of saved remotes (default: $PERISCOPE_DATA_DIR or the per-user config folder)')
    .option('--confirm-command', 'let a saved stdio remote imported from a file run its command (remembered; otherwise you are asked on a terminal, or it exits 13)')
    .addOption(
      new Option('--protocol-era <era>', 'MCP protocol era: auto probes with server/discover and falls back to the 2025 initialize (default: auto, or the saved remote\'s)')
        .choices(['auto', 'modern', 'legacy']),
    )
    .addOption(new Option('--protocol-version <rev>', 'speak exactly this protocol revision, e.g. 2026-07-28 or 2025-11-25 (implies its era)').argParser(parseProtocolVersionOption))
    .addOption(
      new Option('--elicitation <answer>', "answer the server's elicitation requests: accept-defaults (every field's default), decline or cancel (default: decline)")
        .choices(['accept-defaults', 'decline', 'cancel']),
    )
    .addOption(new Option('--sampling <answer>', "answer the server's sampling requests: reject, or reply:TEXT as the model's reply (default: not configured)").argParser(parseSamplingOption))
    .option('--roots <uri>', 'a root to offer the server (file:// URI or local path; repeatable; declares the roots capability)', collect)
    .option('--stop-on-session-expiry', 'when the server forgets the session (HTTP 404), stop with exit 34 instead of starting a new session')
    .addOption(new Option('--max-message-mb <n>', 'largest message accepted from the server (a WebSocket message, an HTTP body, an event stream event), in MB (default 100)').argParser(positiveMegabytes));
}
