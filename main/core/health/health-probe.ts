import { HEALTH_PATHS, type HealthProbe, type InstanceHealth } from '../../../shared/model/instance-health';
import type { TlsOptions } from '../../../shared/model/connection';
import { toErrorInfo } from '../diagnostics/classify-error';
import { createTlsSetup } from '../connections/tls-dispatcher';

/** How long one health GET may take, ms: a health endpoint that takes longer is not healthy. */
export const HEALTH_TIMEOUT_MS = 5000;
/** The most of a health body read, in characters: enough for any status document. */
const BODY_CHARS = 64 * 1024;
/**
 * Answers that say the path is not served at all, rather than how the instance is: no such
 * resource (404), GET not allowed there (405), or no handler for it (501); RFC 9110 sections
 * 15.5.5, 15.5.6 and 15.6.2. An unhealthy instance answers 5xx (typically 503) or a 2xx body.
 */
const NOT_SERVED = new Set([404, 405, 501]);

/** Whether an answer to a health GET says the endpoint is not served (see NOT_SERVED). */
export function isNotServed(status: number): boolean {
  return NOT_SERVED.has(status);
}

/**
 * The health endpoints next to an MCP endpoint: same origin (ws→http, wss→https), paths
 * /health and /ready. `http://mcp-server-1:3000/mcp` → `http://mcp-server-1:3000/health`, ...
 * Errors: throws a TypeError for a URL that does not parse (saved remotes are checked before).
 */
export function healthUrlsOf(mcpUrl: string): Record<(typeof HEALTH_PATHS)[number], string> {
  const url = new URL(mcpUrl);
  const scheme = url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
  const origin = `${scheme}//${url.host}`;
  return { '/health': `${origin}/health`, '/ready': `${origin}/ready` };
}

/**
 * The `status` field of a health body, as text: `{"status":"healthy"}` → "healthy", a boolean or
 * number as its JSON text; undefined when the body is not a JSON object or has no such field.
 */
export function parseHealthBody(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const status = (json as Record<string, unknown>).status;
  if (typeof status === 'string') return status;
  if (typeof status === 'boolean' || typeof status === 'number') return String(status);
  return undefined;
}

/**
 * One GET of a health URL: status, latency (ms, to the end of the body) and the body's `status`.
 * Never throws: a failed request is a probe with `ok: false` and its ErrorInfo (refused, dns,
 * tls, timeout...), a non-2xx answer one with an `http-status` error; one that says the path is
 * not served (404, 405, 501) has `notServed` and says so, never that the instance is unhealthy.
 */
export async function probeHealth(url: string, path: HealthProbe['path'], options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<HealthProbe> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const started = performance.now();
  try {
    const response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS), redirect: 'manual' });
    const text = (await response.text()).slice(0, BODY_CHARS);
    const latencyMs = performance.now() - started;
    const bodyStatus = parseHealthBody(text);
    const probe: HealthProbe = { path, url, status: response.status, latencyMs, ok: response.ok, ...(bodyStatus !== undefined ? { bodyStatus } : {}) };
    if (response.ok) return probe;
    if (isNotServed(response.status)) {
      return {
        ...probe,
        notServed: true,
        error: {
          kind: 'http-status',
          message: `${path} is not served here (HTTP ${response.status}).`,
          hint: `The instance has no ${path} endpoint (health endpoints are optional); if its health check lives at another path, ask that one directly.`,
          detail: { status: response.status, url },
        },
      };
    }
    return {
      ...probe,
      error: {
        kind: 'http-status',
        message: `${path} answered HTTP ${response.status}${bodyStatus !== undefined ? ` (status: ${bodyStatus})` : ''}.`,
        hint: statusHint(path, response.status),
        detail: { status: response.status, url },
      },
    };
  } catch (error) {
    const timedOut = (error as { name?: string }).name === 'TimeoutError';
    const info = timedOut
      ? { kind: 'timeout' as const, message: `${path} did not answer within ${options.timeoutMs ?? HEALTH_TIMEOUT_MS} ms.`, hint: 'The instance may be overloaded or hung; check it directly.' }
      : toErrorInfo(error, { url });
    return { path, url, ok: false, error: info };
  }
}

/**
 * /health and /ready of one instance, at once, with the remote's TLS settings (extra CA files,
 * accept invalid certificates). Never throws for a network failure (see probeHealth); an
 * unreadable CA file rejects with its PeriscopeError.
 */
export async function checkInstanceHealth(instance: string, options: { tls?: TlsOptions; timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<InstanceHealth> {
  const urls = healthUrlsOf(instance);
  const tls = options.fetch ? undefined : await createTlsSetup(options.tls);
  const doFetch = options.fetch ?? tls!.fetch;
  try {
    const [health, ready] = await Promise.all(HEALTH_PATHS.map((path) => probeHealth(urls[path], path, { fetch: doFetch, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) })));
    return { instance, health: health!, ready: ready!, ok: health!.ok && ready!.ok };
  } finally {
    await tls?.close();
  }
}

/**
 * What a non-2xx health answer means. 401 and 403 ask for credentials (RFC 9110 sections 15.5.2
 * and 15.5.4): the endpoint is protected, which says nothing of the instance's health. A 3xx
 * (redirects are not followed) points elsewhere. Anything else is the instance's own word.
 */
function statusHint(path: HealthProbe['path'], status: number): string {
  if (status === 401 || status === 403) {
    return `${path} is protected (HTTP ${status}): its answer says nothing about the instance's health; health endpoints are usually left open, so ask whoever runs it, or check the instance some other way.`;
  }
  if (status >= 300 && status < 400) return `${path} redirects elsewhere (HTTP ${status}, not followed): check the instance's health endpoint path.`;
  return path === '/ready' ? 'The instance says it is not ready to take traffic: it may be starting, draining or missing a dependency; check its logs.' : 'The instance says it is unhealthy; check its logs.';
}
