import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { cli, json, removeTestDataDir } from './cli-harness';

const SECRET = 'saved-sekret-77';
let guarded: RunningPlayground;

beforeAll(async () => {
  guarded = await startPlayground({ port: 0, requireBearer: SECRET });
});
afterAll(async () => {
  await cli(['remotes', 'remove', 'guarded-pg']);
  await guarded?.close();
  removeTestDataDir();
});

describe('a saved remote in place of a URL', () => {
  it('connects with the secret header from the keychain, masked in all output', async () => {
    const add = await cli(['remotes', 'add', 'guarded-pg', guarded.urls.streamable, '--transport', 'streamable', '--secret', 'Authorization', '--secret-stdin'], {
      stdin: `Bearer ${SECRET}\n`,
    });
    expect(add.code, add.stderr).toBe(0);

    const tools = await cli(['tools', 'guarded-pg', '--trace']);
    expect(tools.code, tools.stderr).toBe(0);
    expect(tools.stdout).toMatch(/^echo\b/m);
    expect(tools.stdout + tools.stderr).not.toContain(SECRET);
    expect(guarded.seenRequests.some((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);

    // Command-line options lay over the saved ones: a -H of the same name replaces the saved header.
    const overridden = await cli(['ping', 'guarded-pg', '-H', 'Authorization: Bearer other-token', '--json']);
    expect(overridden.code).toBe(31);
    expect(json(overridden)).toHaveProperty('error.kind', 'auth');
    expect(overridden.stdout + overridden.stderr).not.toMatch(/other-token|saved-sekret/);
  });

  it('a removed remote is no longer found, and the error says so', async () => {
    const add = await cli(['remotes', 'add', 'needs-key', guarded.urls.streamable, '--header', 'X-Note: hi']);
    expect(add.code, add.stderr).toBe(0);
    // While saved, the name resolves and reaches the server (which wants a token it did not get).
    expect((await cli(['tools', 'needs-key'])).code).toBe(31);
    const remove = await cli(['remotes', 'remove', 'needs-key']);
    expect(remove.code, remove.stderr).toBe(0);
    const unknown = await cli(['tools', 'needs-key']);
    expect(unknown.code).toBe(10);
    expect(unknown.stderr).toContain('"needs-key" is neither a URL nor a saved remote');
  });
});
