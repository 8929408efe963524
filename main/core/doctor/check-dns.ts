import { lookup, resolve4, resolve6 } from 'node:dns/promises';
import { isIP } from 'node:net';
import { toErrorInfo } from '../diagnostics/classify-error';
import { failWith, type LayerCheck } from './doctor-context';
import { withTimeout } from './with-timeout';

/**
 * The host name resolved as a connection resolves it: `lookup` (the system resolver, /etc/hosts
 * included) with every address in the order it returns them, which is the order a connect tries.
 * Beside it the DNS server's own A and AAAA records (`resolve4`/`resolve6`), which may differ
 * from /etc/hosts. For `localhost` the first address matters: ::1 first and a server listening on
 * 127.0.0.1 only is a classic "connection refused".
 */
export const dnsCheck: LayerCheck = {
  layer: 'dns',
  title: 'DNS',
  needs: ['url'],
  async run(ctx) {
    const host = ctx.url!.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      ctx.addresses = [{ address: host, family: isIP(host) }];
      return { verdict: 'pass', finding: `${host} is an IPv${isIP(host)} address: nothing to resolve`, facts: { host, addresses: ctx.addresses } };
    }
    let addresses: Array<{ address: string; family: number }>;
    try {
      addresses = await withTimeout(lookup(host, { all: true, verbatim: true }), ctx.stepTimeoutMs, `resolving ${host}`);
    } catch (error) {
      return failWith(toErrorInfo(error, { url: ctx.url!.href }), { host });
    }
    ctx.addresses = addresses;
    const order = addresses.map((a) => a.address).join(', ');
    const facts: Record<string, unknown> = { host, addresses };
    if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost')) {
      const first = addresses[0]!;
      return {
        verdict: 'pass',
        finding: `${host} resolves to ${order}: ${first.family === 6 ? 'IPv6' : 'IPv4'} (${first.address}) is tried first`,
        facts,
      };
    }
    // What the DNS server itself says (lookup may have answered from the hosts file).
    const [a, aaaa] = await Promise.all([records(resolve4, host, ctx.stepTimeoutMs), records(resolve6, host, ctx.stepTimeoutMs)]);
    facts.a = a;
    facts.aaaa = aaaa;
    const counts = `${a.length} A and ${aaaa.length} AAAA record${aaaa.length === 1 ? '' : 's'}`;
    return { verdict: 'pass', finding: `${host} resolves to ${order} (${counts} from the DNS server)`, facts };
  },
};

async function records(resolve: (host: string) => Promise<string[]>, host: string, timeoutMs: number): Promise<string[]> {
  try {
    return await withTimeout(resolve(host), timeoutMs, `resolving ${host}`);
  } catch {
    // No such record, or a hosts-file-only name: lookup's answer above is what counts.
    return [];
  }
}
