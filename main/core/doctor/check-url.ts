import { toErrorInfo } from '../diagnostics/classify-error';
import { parseEndpointUrl } from '../diagnostics/url';
import { failWith, type LayerCheck } from './doctor-context';

/** The URL parses and fits the transport (diagnostics/url.ts says exactly what is wrong). */
export const urlCheck: LayerCheck = {
  layer: 'url',
  title: 'URL',
  needs: [],
  async run(ctx) {
    const raw = ctx.input.target.url ?? '';
    const transport = ctx.input.target.transport ?? 'auto';
    try {
      ctx.url = parseEndpointUrl(raw, transport);
    } catch (error) {
      return failWith(toErrorInfo(error, { url: raw }));
    }
    const url = ctx.url;
    const port = url.port || defaultPort(url.protocol);
    return {
      verdict: 'pass',
      finding: `${url.protocol}// host ${url.hostname}, port ${port}${url.port ? '' : ' (the default)'}, path ${url.pathname}`,
      facts: { scheme: url.protocol.replace(':', ''), host: url.hostname, port: Number(port), path: url.pathname, transport },
    };
  },
};

export function defaultPort(protocol: string): string {
  return protocol === 'https:' || protocol === 'wss:' ? '443' : '80';
}
