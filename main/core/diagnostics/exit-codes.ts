import type { DoctorLayerId } from '../../../shared/model/doctor';
import type { ErrorKind } from '../../../shared/model/error-info';

export const EXIT_SUCCESS = 0;
/** Usage errors of the CLI itself (unknown option, missing argument) and anything unclassified. */
export const EXIT_USAGE = 1;

/**
 * One documented exit code per error kind, grouped by decade so scripts can test ranges:
 * 1x input, 2x network/TLS, 3x HTTP and protocol, 4x process/session, 5x local storage, 7x bugs.
 */
export const EXIT_CODE_TABLE: ReadonlyArray<{ kind: ErrorKind; code: number; description: string }> = [
  { kind: 'invalid-url', code: 10, description: 'the URL is malformed, does not fit the transport, or has a port HTTP clients refuse (Fetch standard\'s blocked ports)' },
  { kind: 'invalid-input', code: 11, description: 'an argument or option value is invalid (e.g. --args is not JSON)' },
  { kind: 'not-found', code: 12, description: 'the named remote, tool, resource or prompt does not exist' },
  { kind: 'needs-confirmation', code: 13, description: 'an imported stdio remote\'s command was not confirmed yet (periscope remotes confirm NAME, or --confirm-command)' },
  { kind: 'dns', code: 20, description: 'the host name could not be resolved' },
  { kind: 'refused', code: 21, description: 'the connection was refused or the host is unreachable' },
  { kind: 'tls', code: 22, description: 'TLS failed: self-signed, expired, untrusted or wrong-host certificate' },
  { kind: 'timeout', code: 23, description: 'connecting or a request timed out' },
  { kind: 'closed', code: 24, description: 'the stream or socket closed unexpectedly' },
  { kind: 'http-status', code: 30, description: 'the server answered with an HTTP error status' },
  { kind: 'auth', code: 31, description: 'the server answered 401/403: credentials missing, wrong or insufficient' },
  { kind: 'not-mcp', code: 32, description: 'the URL answered, but not as an MCP endpoint (an HTML page, non-JSON)' },
  { kind: 'protocol', code: 33, description: 'the server sent invalid JSON-RPC/MCP or answered with a JSON-RPC error' },
  { kind: 'session-expired', code: 34, description: 'the server no longer knows the session (404 on a known session id)' },
  { kind: 'protocol-version', code: 35, description: 'client and server share no protocol version or era (e.g. a 2026-07-28-only server and a 2025 connection)' },
  { kind: 'too-large', code: 36, description: 'a message was larger than a limit: the message size limit (WebSocket, HTTP body, event stream), the stdio read buffer, or the longest text the runtime can hold' },
  { kind: 'tool-error', code: 37, description: 'the tool ran and reported a failure (isError: true); the result is still printed' },
  { kind: 'answers-differ', code: 38, description: 'the instances of one server answered the same call differently, or some failed (periscope fanout)' },
  { kind: 'spawn', code: 40, description: 'the stdio server command could not be started or exited' },
  { kind: 'cancelled', code: 41, description: 'the operation was cancelled' },
  { kind: 'missing-secret', code: 50, description: 'a secret header value is not set' },
  { kind: 'keychain', code: 51, description: 'the system keychain is unavailable or refused access' },
  { kind: 'storage', code: 52, description: 'a file could not be read or written (remotes, session file)' },
  { kind: 'internal', code: 70, description: 'an unexpected internal error (please report it)' },
];

export const EXIT_CODES: Record<ErrorKind, number> = Object.fromEntries(
  EXIT_CODE_TABLE.map((row) => [row.kind, row.code]),
) as Record<ErrorKind, number>;

export function exitCodeFor(kind: ErrorKind): number {
  return EXIT_CODES[kind] ?? EXIT_USAGE;
}

/** The table as Markdown, for the README and `periscope --help`. */
export function exitCodeTableMarkdown(): string {
  const rows = EXIT_CODE_TABLE.map((row) => `| ${row.code} | \`${row.kind}\` | ${row.description} |`);
  return [
    '| Exit code | Error kind | Meaning |',
    '| --- | --- | --- |',
    `| ${EXIT_SUCCESS} | | success |`,
    `| ${EXIT_USAGE} | | usage error (bad option or argument) |`,
    ...rows,
  ].join('\n');
}

/**
 * `periscope doctor` exits with the code of its first failed layer's error kind: no code of its
 * own, the categories above already say which layer broke (2x network and TLS, 3x HTTP and MCP).
 * The kinds each layer can fail with; health and metrics only warn (they are optional endpoints).
 */
export const DOCTOR_LAYER_EXIT_KINDS: Readonly<Record<DoctorLayerId, readonly ErrorKind[]>> = {
  url: ['invalid-url'],
  dns: ['dns', 'timeout'],
  tcp: ['refused', 'timeout'],
  tls: ['tls', 'timeout'],
  http: ['http-status', 'timeout', 'closed'],
  health: [],
  transport: ['not-mcp', 'http-status', 'protocol', 'protocol-version', 'timeout', 'closed'],
  initialize: ['protocol', 'protocol-version', 'timeout'],
  auth: ['auth'],
  metrics: [],
};

/** The doctor's layers and their exit codes as Markdown, for the README. */
export function doctorExitTableMarkdown(): string {
  const rows = Object.entries(DOCTOR_LAYER_EXIT_KINDS).map(([layer, kinds]) => `| \`${layer}\` | ${kinds.length ? kinds.map((k) => `${EXIT_CODES[k]} (\`${k}\`)`).join(', ') : 'never fails: warns only'} |`);
  return ['| Doctor layer | Exit code when it fails first |', '| --- | --- |', ...rows].join('\n');
}
