import type { Socket } from 'node:net';
import { monoNow } from '../capture/clock';

/**
 * How one socket of a connection came up, in ms on the monotonic clock (monoNow). DNS is
 * missing when the host is an IP address (nothing was looked up); TLS when the URL is http:.
 */
export interface SocketSetup {
  /** e.g. "https://mcp.example.com:443". */
  origin: string;
  /** The address the socket reached and its family (4 or 6), when known. */
  remoteAddress?: string;
  family?: number;
  startedAt: number;
  /** The host name resolved (the socket's 'lookup' event). */
  lookedUpAt?: number;
  /** The TCP connection established (the socket's 'connect' event). */
  connectedAt?: number;
  /** The TLS handshake done ('secureConnect'); https: only. */
  securedAt?: number;
}

/** undici's connector shape (`buildConnector.connector`), restated so this file needs no undici import. */
export type Connector = (options: { protocol: string; hostname: string; port: string; [key: string]: unknown }, callback: (error: Error | null, socket: Socket | null) => void) => Socket | undefined | void;

/**
 * Wraps an undici connector so every socket it opens reports its set-up phases: the DNS lookup,
 * the TCP connect and the TLS handshake, from the socket's own events ('lookup', 'connect',
 * 'secureConnect'). The connector itself (undici's buildConnector) does the work unchanged, so
 * TLS sessions, keep-alive and errors behave exactly as without timing; only the first report
 * of each socket is taken, and a socket that fails reports nothing.
 */
export function timedConnector(connect: Connector, onSocket: (setup: SocketSetup) => void): Connector {
  return (options, callback) => {
    const setup: SocketSetup = { origin: `${options.protocol}//${options.hostname}${options.port ? `:${options.port}` : ''}`, startedAt: monoNow() };
    const socket = connect(options, (error, ready) => {
      if (!error && ready) {
        const end = monoNow();
        if (options.protocol === 'https:') setup.securedAt = end;
        else setup.connectedAt ??= end;
        setup.remoteAddress ??= ready.remoteAddress;
        setup.family ??= familyNumber(ready.remoteFamily);
        try {
          onSocket(setup);
        } catch {
          // Timing is an observer: a failing listener never breaks the request.
        }
      }
      callback(error, ready);
    });
    if (socket && typeof socket.once === 'function') {
      socket.once('lookup', (error: Error | null, address: string, family: number | string | null) => {
        if (error) return;
        setup.lookedUpAt = monoNow();
        setup.remoteAddress = address;
        setup.family = familyNumber(family);
      });
      socket.once('connect', () => {
        setup.connectedAt = monoNow();
      });
    }
    return socket;
  };
}

function familyNumber(family: number | string | null | undefined): number | undefined {
  if (typeof family === 'number') return family;
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return undefined;
}
