import type { ErrorInfo } from '../../../shared/model/error-info';
import { BLOCKED_PORT_HINT } from '../../../shared/model/endpoint-port';
import type { HttpEntry } from '../../../shared/model/trace';
import { hostPortOf, messageOf } from './error-text';
import { failedRequestUrl } from './failed-request';

/**
 * undici refuses the Fetch standard's "bad ports" (1, 6000, 6665-6669...; Fetch, "port
 * blocking") before connecting, with "fetch failed" caused by "bad port". Undefined when `chain`
 * (an error and its causes) is not that. The words name the request that was refused: the one
 * the recording fetch noted, else the connection's last exchange if it failed this way, else the
 * connection's own URL (`connectionUrl`). A connect also fetches URLs the server names (OAuth
 * metadata, the token endpoint), and those may sit on a blocked port when the server's does not.
 */
export function blockedPortError(chain: readonly unknown[], connectionUrl: string | undefined, lastHttp: HttpEntry | undefined): ErrorInfo | undefined {
  if (!chain.some((link) => messageOf(link) === 'bad port')) return undefined;
  const url = failedRequestUrl(chain) ?? refusedExchangeUrl(lastHttp) ?? connectionUrl;
  const port = hostPortOf(url)?.split(':').pop();
  const elsewhere = url !== undefined && connectionUrl !== undefined && url !== connectionUrl;
  return {
    kind: 'invalid-url',
    message: `Port ${port ?? 'in the URL'}${url ? ` of ${url}` : ''} is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it`,
    hint: elsewhere
      ? 'the server sent this URL (in its OAuth metadata, its challenge or a link): whoever runs it must serve it on another port (for example 3000 or 8080)'
      : BLOCKED_PORT_HINT,
    detail: { url, port, ...(elsewhere ? { connectionUrl } : {}) },
  };
}

/** The URL of a failed exchange that was itself refused for its port (its error was classified with its own URL). */
function refusedExchangeUrl(entry: HttpEntry | undefined): string | undefined {
  return entry?.phase === 'failed' && entry.error?.kind === 'invalid-url' && entry.error.detail?.port !== undefined ? entry.url : undefined;
}
