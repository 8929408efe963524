import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeCommandReview, isDangerousEnvName, reviewCommand } from '../../../shared/model';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';

let dir: string;
let service: RemoteService;
const reopen = () => new RemoteService({ dataDir: dir, vault: new MemoryVault() });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-confirm-'));
  service = reopen();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function kindOfResolve(name: string): Promise<string | undefined> {
  const error = await service.resolveForConnection(name).then(() => undefined, (e: unknown) => e);
  return isPeriscopeError(error) ? error.info.kind : undefined;
}

describe('imported commands need one confirmation', () => {
  it('an import marks every entry that runs a command, in both file formats; URLs and commands you add yourself are not marked', async () => {
    await service.importText(JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['srv'] }, web: { url: 'https://x.example.com/mcp' } } }));
    await service.importText(JSON.stringify([{ name: 'b', transport_type: 'stdio', command: 'python', args: ['-m', 'srv'] }]));
    await service.create({ name: 'mine', transport: 'stdio', command: 'node', args: ['mine.js'], headers: [] });
    const flags = Object.fromEntries((await service.list()).map((r) => [r.name, r.commandNeedsConfirmation]));
    expect(flags).toEqual({ a: true, web: false, b: true, mine: false });
    expect(await kindOfResolve('a')).toBe('needs-confirmation');
    expect(await kindOfResolve('b')).toBe('needs-confirmation');
    expect(await kindOfResolve('mine')).toBeUndefined();
  });

  it('the flag is persisted; confirming clears it for good; duplicating keeps it', async () => {
    await service.importText(JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['srv'] } } }));
    expect(JSON.parse(await readFile(join(dir, 'remotes.json'), 'utf8')).remotes[0].commandNeedsConfirmation).toBe(true);
    const copy = (await service.duplicate('a')).remote;
    expect(copy.commandNeedsConfirmation).toBe(true);
    expect((await service.confirmCommand('a')).commandNeedsConfirmation).toBe(false);
    service = reopen();
    expect(await kindOfResolve('a')).toBeUndefined();
    expect(await kindOfResolve(copy.name)).toBe('needs-confirmation');
  });

  it('an edit of the command or its arguments clears it; an edit of anything else (env included) keeps it', async () => {
    await service.importText(JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['srv'] }, b: { command: 'npx', args: ['srv'] }, c: { command: 'npx', args: ['srv'] } } }));
    const base = { transport: 'stdio' as const, headers: [] };
    await service.update('a', { ...base, name: 'a', command: 'npx', args: ['srv'], env: { NODE_OPTIONS: '--require x' }, notes: 'seen' });
    await service.update('b', { ...base, name: 'b', command: 'node', args: ['srv'] });
    await service.update('c', { ...base, name: 'c', command: 'npx', args: ['srv', '--safe'] });
    expect(Object.fromEntries((await service.list()).map((r) => [r.name, r.commandNeedsConfirmation]))).toEqual({ a: true, b: false, c: false });
  });

  it('a draft cannot set or clear the flag itself', async () => {
    await service.importText(JSON.stringify({ mcpServers: { a: { command: 'npx' } } }));
    await service.update('a', { name: 'a', transport: 'stdio', command: 'npx', headers: [], commandNeedsConfirmation: false } as never);
    expect((await service.get('a'))!.commandNeedsConfirmation).toBe(true);
    await service.create({ name: 'z', transport: 'stdio', command: 'npx', headers: [], commandNeedsConfirmation: true } as never);
    expect((await service.get('z'))!.commandNeedsConfirmation).toBe(false);
  });
});

describe('command review', () => {
  it('names the env variables that can inject code, whatever their case, and never shows values', () => {
    for (const name of ['NODE_OPTIONS', 'node_options', 'LD_PRELOAD', 'LD_AUDIT', 'DYLD_INSERT_LIBRARIES', 'DYLD_LIBRARY_PATH', 'PYTHONSTARTUP', 'PYTHONPATH', 'PERL5OPT', 'RUBYOPT', 'JAVA_TOOL_OPTIONS', 'BASH_ENV', 'PATH']) {
      expect(isDangerousEnvName(name), name).toBe(true);
    }
    for (const name of ['API_KEY', 'LOG_LEVEL', 'HOME', 'NODE_ENV', 'PYTHONUNBUFFERED']) expect(isDangerousEnvName(name), name).toBe(false);
    const review = reviewCommand({ command: 'node', args: ['a b.js', ''], env: { NODE_OPTIONS: '--require /tmp/x.js', API_KEY: 'sk-live-1' }, cwd: '/srv' });
    const lines = describeCommandReview(review);
    expect(lines).toEqual([
      'command: node "a b.js" ""',
      'cwd: /srv',
      'env: NODE_OPTIONS, API_KEY (values hidden)',
      'warning: NODE_OPTIONS can make the command load and run other code',
    ]);
    expect(lines.join('\n')).not.toMatch(/sk-live|\/tmp\/x\.js/);
  });
});
