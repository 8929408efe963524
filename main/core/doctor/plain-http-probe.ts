import { connect } from 'node:net';

/**
 * Whether host:port answers plain HTTP/1.x: one `HEAD /` over TCP, and the first bytes of the
 * reply read. Used when a TLS handshake fails, because an https:// URL pointed at a plain-HTTP
 * port is among the commonest mistakes, and the TLS error alone ("socket disconnected before
 * secure TLS connection", "wrong version number") does not say so. Resolves false on any
 * error or after `timeoutMs` (ms); never throws.
 */
export function speaksPlainHttp(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let received = '';
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => socket.write(`HEAD / HTTP/1.1\r\nHost: ${host.includes(':') ? `[${host}]` : host}:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.length >= 12 || received.includes('\n')) finish(/^HTTP\/1\.[01] \d{3}/.test(received));
    });
    socket.once('end', () => finish(/^HTTP\/1\.[01] \d{3}/.test(received)));
    socket.once('error', () => finish(false));
  });
}
