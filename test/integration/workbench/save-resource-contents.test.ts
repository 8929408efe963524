import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { suggestedFileName } from '../../../main/core/service/resource-save-handlers';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { type Answer, openRemote, valueOf } from './core-calls';

/**
 * Saving a binary resource from the Resources section: the window sends the blob it shows, main
 * asks where (the system dialog) and writes the bytes. Through the contract's validation, as the
 * window's call would go, against the playground's PNG resource.
 */
let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground();
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
});


async function readLogo(): Promise<{ connectionId: string; blob: string; mimeType: string }> {
  const { connectionId } = await openRemote(test, playground.urls.streamable);
  const read = valueOf<{ contents: Array<{ blob: string; mimeType: string }> }>(await test.call('connections:read-resource', { connectionId, uri: 'playground://logo.png' }));
  return { connectionId, ...read.contents[0]! };
}

describe('saving a resource blob to a file', () => {
  it('writes the bytes the base64 stands for, where the user chose', async () => {
    const { connectionId, blob, mimeType } = await readLogo();
    const path = join(test.dir, 'logo.png');
    test.dialogAnswer.path = path;
    const saved = await test.call('connections:save-resource-contents', { connectionId, uri: 'playground://logo.png', mimeType, blob });
    const expected = Buffer.from(blob, 'base64');
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path, bytes: expected.length } });
    const written = await readFile(path);
    expect(written.equals(expected)).toBe(true);
    expect(written.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('Cancel in the dialog writes nothing', async () => {
    const { connectionId, blob } = await readLogo();
    test.dialogAnswer.path = undefined;
    expect(await test.call('connections:save-resource-contents', { connectionId, uri: 'playground://logo.png', blob })).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('refuses what is not base64, and a folder it cannot write names the path', async () => {
    const { connectionId } = await readLogo();
    test.dialogAnswer.path = join(test.dir, 'never.bin');
    const bad = (await test.call('connections:save-resource-contents', { connectionId, uri: 'x://y', blob: 'not base64!' })) as Answer<unknown>;
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/not base64/);
    await expect(readFile(join(test.dir, 'never.bin'))).rejects.toThrow();

    test.dialogAnswer.path = join(test.dir, 'no-such-folder', 'logo.png');
    const failed = (await test.call('connections:save-resource-contents', { connectionId, uri: 'x://y', blob: 'AAEC/w==' })) as Answer<unknown>;
    expect(failed).toMatchObject({ ok: false, error: { kind: 'storage', message: expect.stringContaining(join(test.dir, 'no-such-folder', 'logo.png')) } });
  });
});

describe('the suggested file name', () => {
  it('comes from the URI, is safe on every file system, and gets an extension from the MIME type', () => {
    expect(suggestedFileName('playground://logo.png', 'image/png')).toBe('logo.png');
    expect(suggestedFileName('file:///tmp/report', 'application/pdf')).toBe('report.pdf');
    expect(suggestedFileName('notes://blob', 'application/octet-stream')).toBe('blob.bin');
    expect(suggestedFileName('db://../../etc/passwd')).toBe('passwd');
    expect(suggestedFileName('x://host/a%2F..%2F..%2Fevil name?.sh')).toBe('a-..-..-evil-name');
    expect(suggestedFileName('weird:', undefined)).toBe('weird');
    expect(suggestedFileName('', undefined)).toBe('resource');
  });
});
