import type { OAuthClientProvider } from '@modelcontextprotocol/client';
import type { Redactor } from '../capture/redaction';
import type { TraceBus } from '../capture/trace-bus';
import type { TlsSetup } from './tls-dispatcher';

/** What every transport of one connection shares: its bus, its redactor, its headers and TLS. */
export interface TransportContext {
  bus: TraceBus;
  redactor: Redactor;
  /** Custom headers with secrets resolved: the real values, for the wire only. */
  headers: Record<string, string>;
  tls: TlsSetup;
  /** The recording fetch (over the connection's TLS fetch) every HTTP request goes through. */
  fetch: typeof fetch;
  /** The connection's OAuth provider (HTTP transports): the SDK answers a 401 challenge with it. */
  authProvider?: OAuthClientProvider;
}

/** WireHeader[] → a plain record; a repeated name keeps the last value, as most clients do. */
export function headerRecord(headers: Array<{ name: string; value: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers) if (name.trim()) out[name.trim()] = value;
  return out;
}

/** " with headers A: x, Authorization: [redacted]": which headers go on the wire, secrets masked. */
export function describeHeaders(redactor: Redactor, headers: Array<{ name: string; value: string }>): string {
  const parts = Object.entries(redactor.headers(headerRecord(headers))).map(([name, value]) => `${name}: ${value}`);
  return parts.length ? ` with headers ${parts.join(', ')}` : '';
}
