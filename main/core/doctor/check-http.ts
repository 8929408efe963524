import { Redactor } from '../capture/redaction';
import { toErrorInfo } from '../diagnostics/classify-error';
import { failWith, type LayerCheck } from './doctor-context';
import { type ProxyFinding, proxyForUrl } from './proxy-env';

/** What the plain HTTP request saw; the auth layer reads a 401/403 from it. */
export interface HttpProbe {
  status: number;
  statusText: string;
  contentType?: string;
  headers: Record<string, string>;
  /** Every hop before the final answer: status and Location. */
  redirects: Array<{ status: number; location: string }>;
  finalUrl: string;
}

const MAX_REDIRECTS = 5;
/** A harmless JSON-RPC request: every MCP server answers something HTTP to it (200, 400 without a session, 401...). */
const PROBE_BODY = JSON.stringify({ jsonrpc: '2.0', id: 'periscope-doctor', method: 'ping' });

/**
 * One POST of a JSON-RPC `ping` to the endpoint with the remote's headers, as a Streamable HTTP
 * client would send it (MCP specification, Transports: Streamable HTTP), redirects followed by
 * hand so each hop is reported. Reports the proxy variables of the environment and whether they
 * apply to this URL (Periscope connects directly; Node does not read them). ws:// and wss:// are
 * left to the transport layer, which checks the WebSocket upgrade.
 */
export const httpCheck: LayerCheck = {
  layer: 'http',
  title: 'HTTP',
  needs: ['tls'],
  async run(ctx) {
    const url = ctx.url!;
    // A proxy URL may carry user:password: masked before it reaches the report (the Redactor's URL rules).
    const proxy = maskProxyCredentials(proxyForUrl(url, ctx.input.env ?? process.env));
    const proxyFacts = { proxy };
    const proxyNote = proxy.proxy && !proxy.exemptBy ? `; ${proxy.from} (${proxy.proxy}) applies to this URL, but Periscope connects directly` : proxy.exemptBy ? `; NO_PROXY (${proxy.exemptBy}) exempts this host` : '';
    const proxyFix = proxy.proxy && !proxy.exemptBy ? 'if this network only reaches the server through that proxy, connect from a network that reaches it directly, or add the host to NO_PROXY to silence this' : undefined;
    if (url.protocol === 'ws:' || url.protocol === 'wss:') {
      return { verdict: proxyFix ? 'warn' : 'skipped', finding: `A WebSocket URL: its HTTP upgrade is checked by the transport layer${proxyNote}`, ...(proxyFix ? { fix: proxyFix } : {}), facts: proxyFacts };
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    for (const h of ctx.input.target.headers ?? []) headers[h.name] = h.value;
    const redirects: HttpProbe['redirects'] = [];
    let current = url.href;
    let response: Response;
    try {
      for (;;) {
        response = await ctx.tls!.fetch(current, { method: 'POST', headers, body: PROBE_BODY, redirect: 'manual', signal: AbortSignal.timeout(ctx.stepTimeoutMs) });
        // Only the head matters: an event stream would otherwise hold the probe open.
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location || redirects.length >= MAX_REDIRECTS) break;
        const next = new URL(location, current).href;
        redirects.push({ status: response.status, location: next });
        current = next;
      }
    } catch (error) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      const info = timedOut ? { kind: 'timeout' as const, message: `The POST to ${current} got no answer within ${ctx.stepTimeoutMs} ms`, hint: 'the server accepted the connection but did not answer: it may be overloaded or hung' } : toErrorInfo(error, { url: current });
      return failWith(info, { ...proxyFacts, redirects });
    }
    const probe: HttpProbe = {
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers.entries()),
      redirects,
      finalUrl: current,
      ...(response.headers.get('content-type') ? { contentType: response.headers.get('content-type')! } : {}),
    };
    ctx.http = probe;
    const facts = { ...proxyFacts, status: probe.status, contentType: probe.contentType, redirects, finalUrl: current };
    const hops = redirects.length ? ` after ${redirects.length} redirect${redirects.length > 1 ? 's' : ''} (${redirects.map((r) => `${r.status} → ${r.location}`).join(', ')})` : '';
    const answered = `The POST answered HTTP ${probe.status}${probe.statusText ? ` ${probe.statusText}` : ''}${probe.contentType ? ` (${probe.contentType.split(';')[0]})` : ''}${hops}`;
    if (redirects.length && (probe.status < 300 || (probe.status >= 400 && probe.status < 500))) {
      return { verdict: 'warn', finding: `${answered}${proxyNote}`, fix: `use the final URL ${current} directly: MCP clients may not follow a redirect on POST`, facts };
    }
    if (probe.status >= 300 && probe.status < 400) {
      return failWith({ kind: 'http-status', message: `${answered}: too many redirects, or one without a Location`, hint: 'use the URL the server finally serves MCP at' }, facts);
    }
    if (probe.status >= 500) {
      return failWith({ kind: 'http-status', message: `${answered}: the server (or a proxy in front of it) failed`, hint: 'check the server\'s logs; a 502/503/504 usually means the proxy in front of it cannot reach it' }, facts);
    }
    if (probe.status === 401 || probe.status === 403) return { verdict: 'warn', finding: `${answered}: it wants credentials (the auth layer explains)${proxyNote}`, facts };
    if (probe.contentType?.includes('text/html')) {
      return { verdict: 'warn', finding: `${answered}: an HTML page, not what an MCP endpoint answers${proxyNote}`, fix: 'check the path of the URL: it may point at a web page instead of the MCP endpoint', facts };
    }
    return { verdict: proxyFix ? 'warn' : 'pass', finding: `${answered}${proxyNote}`, ...(proxyFix ? { fix: proxyFix } : {}), facts };
  },
};

function maskProxyCredentials(finding: ProxyFinding): ProxyFinding {
  const redactor = new Redactor();
  const mask = (value: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? redactor.url(value) : value);
  return {
    ...finding,
    variables: Object.fromEntries(Object.entries(finding.variables).map(([name, value]) => [name, mask(value)])),
    ...(finding.proxy ? { proxy: mask(finding.proxy) } : {}),
  };
}
