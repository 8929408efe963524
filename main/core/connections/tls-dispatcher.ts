import { readFile } from 'node:fs/promises';
import type { TlsOptions } from '../../../shared/model/connection';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { FIX } from '../diagnostics/fixes';
import { timedConnector, type Connector, type SocketSetup } from './socket-setup';

/** What one connection needs to speak TLS its own way: a fetch for HTTP, options for `ws`. */
export interface TlsSetup {
  /** The fetch the HTTP transports build on: undici with a private Agent when TLS is customised. */
  fetch: typeof fetch;
  /** Passed to `new WebSocket(url, protocols, options)`. */
  webSocket: { ca?: Buffer[]; rejectUnauthorized?: boolean };
  /** CA contents, for the certificate probe that explains a TLS failure. */
  ca?: Buffer[];
  warnings: string[];
  /** Releases the Agent's sockets; a connection's TLS setup is never shared with another. */
  close(): Promise<void>;
}

export const INSECURE_WARNING =
  'TLS certificate checks are OFF for this connection (accept invalid certificates): anyone on the network path could read or change the traffic';

/**
 * Reads the extra CA files and builds a connection-private undici Agent, driven by Node's fetch.
 * Without TLS options (and without `onSocket`) the global fetch is used as it is, so a default
 * connection behaves exactly like any other Node client. `onSocket` hears how each new socket
 * came up (DNS, TCP, TLS; see timedConnector); it needs the private Agent, whose connector is the
 * only place those phases can be seen (Node's own fetch does not report a TLS socket's phases).
 */
export async function createTlsSetup(tls: Partial<TlsOptions> | undefined, onSocket?: (setup: SocketSetup) => void): Promise<TlsSetup> {
  const caFiles = tls?.caFiles ?? [];
  const insecure = tls?.acceptInvalidCertificates === true;
  const warnings = insecure ? [INSECURE_WARNING] : [];
  if (caFiles.length === 0 && !insecure && !onSocket) {
    return { fetch: globalThis.fetch, webSocket: {}, warnings, close: async () => undefined };
  }
  const ca = caFiles.length > 0 ? await readCaFiles(caFiles) : undefined;
  // Node's default roots stay trusted next to the extra CA: tls.rootCertificates + the files.
  const trusted = ca ? [...(await defaultRoots()), ...ca] : undefined;
  // undici is loaded only here: a connection with default TLS uses Node's own fetch, and the
  // package is the largest in the CLI's bundle (parsed on every start if imported up front).
  const undici = await import('undici');
  // In the CLI's bundle a CommonJS package imported on use may expose its exports as `default` only.
  const { Agent, buildConnector } = typeof undici.Agent === 'function' ? undici : (undici as unknown as { default: typeof undici }).default;
  const connectOptions = { ...(trusted ? { ca: trusted } : {}), rejectUnauthorized: !insecure };
  const connect = onSocket ? (timedConnector(buildConnector(connectOptions) as unknown as Connector, onSocket) as unknown as ReturnType<typeof buildConnector>) : connectOptions;
  const agent = new Agent({ connect });
  // Node's own fetch drives the private Agent (its `dispatcher` option): the package's fetch made
  // every request of a connection with the set-up breakdown on (the app's) 3 to 20% slower on
  // loopback than the same Agent under Node's fetch, measured side by side. The package's Agent
  // still takes the older handler interface Node's fetch speaks (undici 7; undici 8 dropped it,
  // so the package stays on 7 until Node's bundled fetch speaks the new one).
  const nodeFetch = globalThis.fetch;
  // Cast: Node's RequestInit types `dispatcher` with its own undici's types, not the package's.
  const tlsFetch = ((input: string | URL | Request, init?: RequestInit) => nodeFetch(input, { ...init, dispatcher: agent } as unknown as RequestInit)) as typeof fetch;
  return {
    fetch: tlsFetch,
    webSocket: { ...(trusted ? { ca: trusted } : {}), rejectUnauthorized: !insecure },
    ca,
    warnings,
    close: () => agent.close().catch(() => undefined),
  };
}

async function readCaFiles(files: string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const file of files) {
    try {
      out.push(await readFile(file));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unknown';
      throw new PeriscopeError(
        {
          kind: 'tls',
          message: `Could not read the CA certificate file "${file}" (${code === 'ENOENT' ? 'no such file' : code})`,
          hint: 'check the CA certificate file path (a PEM file holding the CA certificate that signed the server certificate)',
          fixes: [FIX.caFile],
          detail: { file, code },
        },
        { cause: error },
      );
    }
  }
  return out;
}

async function defaultRoots(): Promise<Buffer[]> {
  const { rootCertificates } = await import('node:tls');
  return rootCertificates.map((pem) => Buffer.from(pem));
}
