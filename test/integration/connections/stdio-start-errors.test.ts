import { describe, expect, it } from 'vitest';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { stdioFixtureCommand } from '../../fixtures/sdk-servers/stdio-fixture';
import { useManager } from './connection-test-support';

/** A stdio server that cannot start says which part is wrong: the command, or the working directory. */
const { manager } = useManager();

async function startFailure(target: { command: string; args?: string[]; cwd?: string }) {
  const error = await manager.open({ transport: 'stdio', ...target }).catch((e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('a stdio server that cannot start', () => {
  const { command, args } = stdioFixtureCommand();

  it('names a working directory that does not exist (not "command not found"), pointing at the field', async () => {
    const info = await startFailure({ command, args, cwd: '/nonexistent/periscope-cwd' });
    expect(info).toMatchObject({ kind: 'spawn', message: 'Could not start the stdio server: the working directory "/nonexistent/periscope-cwd" does not exist' });
    expect(info.message).not.toMatch(/not found/);
    expect(info.fixes?.map((f) => f.field)).toEqual(['cwd']);
  });

  it('names a working directory that is a file', async () => {
    const info = await startFailure({ command, args, cwd: command });
    expect(info.message).toContain('is not a folder');
  });

  it('still names a missing command as such', async () => {
    const info = await startFailure({ command: 'periscope-no-such-command-4f2a', cwd: '/tmp' });
    expect(info.kind).toBe('spawn');
    expect(info.message).toContain('"periscope-no-such-command-4f2a" was not found');
  });
});
