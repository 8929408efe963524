import { describe, expect, it } from 'vitest';
import { parseHeader, resolveTarget, type TargetOptions } from '../../../main/cli/target';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const base: TargetOptions = { transport: 'auto', header: [], ca: [], env: [] };

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('resolveTarget', () => {
  it('takes a URL with headers, timeout and TLS options', async () => {
    const { target, label } = await resolveTarget(
      'http://127.0.0.1:9/mcp',
      { ...base, header: ['Authorization: Bearer abc', 'X-Trace: 1'], timeout: 500, ca: ['ca.pem'], insecure: true },
      {},
    );
    expect(label).toBe('http://127.0.0.1:9/mcp');
    expect(target).toMatchObject({
      transport: 'auto',
      url: 'http://127.0.0.1:9/mcp',
      headers: [
        { name: 'Authorization', value: 'Bearer abc', secret: true },
        { name: 'X-Trace', value: '1' },
      ],
      timeouts: { connectMs: 500, requestMs: 500 },
      tls: { caFiles: ['ca.pem'], acceptInvalidCertificates: true },
    });
  });

  it('resolves a name through the saved-remote hook and lays command-line options over it', async () => {
    const seen: Array<{ name: string; dataDir?: string }> = [];
    const lookupRemote = async (name: string, opts?: { dataDir?: string }) => {
      seen.push({ name, dataDir: opts?.dataDir });
      return {
        label: 'staging',
        target: { transport: 'sse' as const, url: 'https://staging.example/sse', headers: [{ name: 'X-Key', value: 'k1', secret: true }, { name: 'X-A', value: 'a' }] },
      };
    };
    const { target, label } = await resolveTarget('staging', { ...base, header: ['X-A: b'], dataDir: '/tmp/d' }, { lookupRemote });
    expect(seen).toEqual([{ name: 'staging', dataDir: '/tmp/d' }]);
    expect(label).toBe('staging');
    expect(target.transport).toBe('sse');
    expect(target.headers).toEqual([{ name: 'X-Key', value: 'k1', secret: true }, { name: 'X-A', value: 'b' }]);
  });

  it('says a name is neither a URL nor a saved remote', async () => {
    const info = await failure(resolveTarget('localhost:3000/mcp', base, { lookupRemote: async () => undefined }));
    expect(info.kind).toBe('invalid-url');
    expect(info.message).toContain('neither a URL nor a saved remote');
    expect(info.hint).toContain('http://localhost:3000/mcp');
    // A mistyped separator keeps its scheme; a host elsewhere gets https://; a bare word gets none.
    const hintFor = async (arg: string) => (await failure(resolveTarget(arg, base, { lookupRemote: async () => undefined }))).hint;
    expect(await hintFor('http//127.0.0.1:3000/mcp')).toContain('e.g. http://127.0.0.1:3000/mcp,');
    expect(await hintFor('api.example.com/mcp')).toContain('e.g. https://api.example.com/mcp,');
    expect(await hintFor('staging')).toBe('Give a full URL such as https://api.example.com/mcp, or one of the names from `periscope remotes list`.');
  });

  it('reports a malformed URL with the diagnostics wording', async () => {
    const info = await failure(resolveTarget('http:// bad', base, {}));
    expect(info.kind).toBe('invalid-url');
  });

  it('builds a stdio target from the command after --', async () => {
    const { target, label } = await resolveTarget(undefined, { ...base, stdio: true, stdioCommand: ['node', 's.js', '--x'], env: ['A=1=2'], cwd: '/tmp' }, {});
    expect(target).toEqual({ transport: 'stdio', command: 'node', args: ['s.js', '--x'], env: { A: '1=2' }, cwd: '/tmp' });
    expect(label).toBe('node s.js --x');
    expect((await failure(resolveTarget(undefined, { ...base, stdio: true }, {}))).kind).toBe('invalid-input');
  });
});

describe('parseHeader', () => {
  it('flags credential headers as secret and rejects malformed ones', () => {
    expect(parseHeader('x-api-key:  v ')).toEqual({ name: 'x-api-key', value: 'v', secret: true });
    expect(parseHeader('Accept-Language: fr')).toEqual({ name: 'Accept-Language', value: 'fr' });
    expect(() => parseHeader('no colon')).toThrow(/Name: value/);
    expect(() => parseHeader(': x')).toThrow(/Name: value/);
    // A name with a space or other forbidden character says so, as the app's editor does.
    expect(() => parseHeader('Bad Name: x')).toThrow('Header name "Bad Name" is not a valid HTTP header name');
    expect(() => parseHeader('X(y): x')).toThrow('Header name "X(y)" is not a valid HTTP header name');
  });
});
