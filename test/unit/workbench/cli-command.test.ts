import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Remote } from '../../../shared/model/remote';
import { splitStdioCommand } from '../../../main/cli/run-cli';
import { cliCallCommand } from '../../../renderer/workbench/cli-command';

/**
 * "Copy as CLI command" in the Tools section's history: the command line that repeats a call with
 * `periscope call`, for URL and stdio remotes, with the call's own timeout and secrets as
 * placeholders. A POSIX shell must hand the CLI exactly the words meant.
 */
function remote(over: Partial<Remote>): Remote {
  return {
    id: 'r1', name: 'R', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', instances: [], args: [], env: {}, headers: [], timeouts: {},
    tls: { caFiles: [], acceptInvalidCertificates: false }, notes: '', protocolEra: 'auto', commandNeedsConfirmation: false, createdAt: 1, updatedAt: 1,
    ...over,
  };
}

/** The argv a POSIX shell makes of the command line (`periscope` itself dropped, as the CLI sees it). */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1).slice(1);
}

const stdioRemote = remote({
  transport: 'stdio',
  url: undefined,
  command: '/opt/my servers/run.sh',
  args: ['--name', "O'Brien's server", '$HOME', '--'],
  env: { LOG_LEVEL: 'debug two', GITHUB_TOKEN: '' },
  cwd: '/srv/mcp dir',
  protocolEra: 'legacy',
});

describe('cliCallCommand', () => {
  it('a URL call carries its own timeout as --timeout, secret headers as placeholders', () => {
    const command = cliCallCommand({
      remote: remote({ headers: [{ name: 'Authorization', value: '', description: '', is_required: true, is_secret: true, has_value: true }, { name: 'X-Team', value: 'blue', description: '', is_required: false, is_secret: false }] }),
      url: 'http://127.0.0.1:4100/mcp',
      tool: 'add',
      argumentsText: '{\n  "a": 2,\n  "b": 3\n}',
      timeoutMs: 5000,
    });
    expect(command).toBe(`periscope call http://127.0.0.1:4100/mcp add --args '{"a":2,"b":3}' --timeout 5000 -H 'Authorization: <secret Authorization>' -H 'X-Team: blue' --transport streamable`);
  });

  it("carries the remote's TLS settings, so the command connects where the app does", () => {
    const command = cliCallCommand({ remote: remote({ url: 'https://10.0.0.5/mcp', tls: { caFiles: ['/etc/ssl/our ca.pem'], acceptInvalidCertificates: true } }), url: 'https://10.0.0.5/mcp', tool: 't', argumentsText: '{}' });
    expect(command).toBe(`periscope call https://10.0.0.5/mcp t --args '{}' --transport streamable --ca '/etc/ssl/our ca.pem' --insecure`);
  });

  it('leaves --timeout out when the call had none', () => {
    expect(cliCallCommand({ remote: undefined, url: 'http://h/mcp', tool: 't', argumentsText: '{}' })).toBe(`periscope call http://h/mcp t --args '{}'`);
  });

  it('a stdio remote gives --stdio with the server command after --, credential variables as placeholders', () => {
    const command = cliCallCommand({ remote: stdioRemote, url: undefined, tool: 'echo', argumentsText: `{"message": "it's -- $(rm -rf /)"}`, timeoutMs: 1200, asTask: true })!;
    expect(command).toBe(
      `periscope call --stdio echo --args '{"message":"it'\\''s -- $(rm -rf /)"}' --task --timeout 1200 --env 'LOG_LEVEL=debug two' --env 'GITHUB_TOKEN=<secret GITHUB_TOKEN>' --cwd '/srv/mcp dir' --protocol-era legacy -- '/opt/my servers/run.sh' --name 'O'\\''Brien'\\''s server' '$HOME' --`,
    );
    // The shell gives back every word as meant (nothing expanded), and the CLI splits off the server's command line at the first `--`.
    const argv = shellWords(command);
    const { args, stdioCommand } = splitStdioCommand(argv);
    expect(args).toEqual(['call', '--stdio', 'echo', '--args', `{"message":"it's -- $(rm -rf /)"}`, '--task', '--timeout', '1200', '--env', 'LOG_LEVEL=debug two', '--env', 'GITHUB_TOKEN=<secret GITHUB_TOKEN>', '--cwd', '/srv/mcp dir', '--protocol-era', 'legacy']);
    expect(stdioCommand).toEqual(['/opt/my servers/run.sh', '--name', "O'Brien's server", '$HOME', '--']);
  });

  it('a stdio remote without a command has no command line', () => {
    expect(cliCallCommand({ remote: remote({ transport: 'stdio', url: undefined, command: undefined }), url: undefined, tool: 't', argumentsText: '{}' })).toBeUndefined();
  });

  it('a URL remote without a URL has none either', () => {
    expect(cliCallCommand({ remote: remote({ url: undefined }), url: undefined, tool: 't', argumentsText: '{}' })).toBeUndefined();
  });
});
