import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { hostOf, hostPortOf } from './error-text';
import { FIX } from './fixes';

/** The fields Node and undici put on system errors (`err.code`, `err.address`...). */
export interface SystemErrorLike {
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
  syscall?: string;
  path?: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const REFUSED = new Set(['ECONNREFUSED']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const TIMEOUT = new Set([
  'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE']);

export const SYSTEM_ERROR_CODES: ReadonlySet<string> = new Set([...DNS, ...REFUSED, ...UNREACHABLE, ...TIMEOUT, ...CLOSED]);

export interface NetworkContext {
  url?: string;
  transport?: TransportKind;
}

export function classifySystemError(code: string, error: SystemErrorLike, context: NetworkContext): ErrorInfo | undefined {
  const detail: Record<string, unknown> = { code, ...(context.url ? { url: context.url } : {}) };
  if (error.syscall) detail.syscall = error.syscall;
  const target = error.address && error.port ? `${error.address}:${error.port}` : hostPortOf(context.url) ?? 'the server';

  if (DNS.has(code)) {
    const host = error.hostname ?? hostOf(context.url) ?? 'the host';
    const temporary = code === 'EAI_AGAIN';
    return {
      kind: 'dns',
      message: temporary
        ? `Could not resolve the host name "${host}": the DNS lookup failed temporarily (${code})`
        : `The host name "${host}" does not exist (DNS lookup failed: ${code})`,
      hint: temporary
        ? 'check your network connection or DNS server, then retry'
        : 'check the spelling of the host name in the URL, and that you are on the right network or VPN',
      detail: { ...detail, host },
    };
  }
  if (REFUSED.has(code)) {
    return {
      kind: 'refused',
      message: `Connection refused by ${target}: nothing is listening on that port`,
      hint: 'is the server running? check the port (and http vs https) in the URL',
      detail: { ...detail, address: error.address, port: error.port },
    };
  }
  if (UNREACHABLE.has(code)) {
    return {
      kind: 'refused',
      message: `Could not reach ${target}: the network says the host is unreachable (${code})`,
      hint: 'check the address, your network or VPN, and any firewall between you and the server',
      detail,
    };
  }
  if (TIMEOUT.has(code)) {
    const stage = code === 'UND_ERR_HEADERS_TIMEOUT' ? 'waiting for response headers' : code === 'UND_ERR_BODY_TIMEOUT' ? 'waiting for the response body' : 'connecting';
    return {
      kind: 'timeout',
      message: `Timed out ${stage} to ${target} (${code})`,
      hint: 'check that the server is up and reachable (a firewall may drop packets silently), or raise the timeout',
      fixes: [code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' ? FIX.requestTimeout : FIX.connectTimeout],
      detail,
    };
  }
  if (CLOSED.has(code)) {
    return {
      kind: 'closed',
      message: `The connection to ${target} was closed by the other side (${code}${error.message && !error.message.includes(code) ? `: ${error.message}` : ''})`,
      hint: 'the server or a proxy dropped the connection; check the server logs, then reconnect',
      detail,
    };
  }
  return undefined;
}

/** child_process spawn failures: the command is missing, not executable, or the cwd is wrong. */
export function classifySpawnError(code: string, error: SystemErrorLike, stderrTail: string[] | undefined): ErrorInfo {
  const command = error.path ?? error.syscall?.replace(/^spawn\s+/, '') ?? 'the command';
  const detail: Record<string, unknown> = { code, command, ...(stderrTail?.length ? { stderrTail } : {}) };
  if (code === 'ENOENT') {
    return {
      kind: 'spawn',
      message: `Could not start the stdio server: the command "${command}" was not found (ENOENT)`,
      hint: 'check the command name and that it is installed and on PATH (or give its full path); also check the working directory exists',
      detail,
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      kind: 'spawn',
      message: `Could not start the stdio server: permission denied running "${command}" (${code})`,
      hint: `make it executable (chmod +x) or run it through its interpreter, e.g. node ${command}`,
      detail,
    };
  }
  return {
    kind: 'spawn',
    message: `Could not start the stdio server "${command}" (${code}: ${error.message ?? 'spawn failed'})`,
    hint: 'check the command, its arguments and the working directory',
    detail,
  };
}
