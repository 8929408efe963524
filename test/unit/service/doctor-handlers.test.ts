import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { ConnectionTargetInput } from '../../../shared/model';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { doctorHandlers } from '../../../main/core/service/doctor-handlers';
import { PLAYGROUND_HOST, PlaygroundHost } from '../../../main/core/service/playground-remote';
import type { FileDialogs, RemotesPort } from '../../../main/core/service/ports';
import { refusedPort } from '../../support/refused-port';

const dir = mkdtempSync(join(tmpdir(), 'periscope-doctor-handlers-'));
const playground = new PlaygroundHost(() => startPlayground());
afterAll(async () => {
  await playground.stop();
  rmSync(dir, { recursive: true, force: true });
});

const targets: Record<string, { target: ConnectionTargetInput; label: string }> = {
  pg: { target: { transport: 'streamable', url: `http://${PLAYGROUND_HOST}/mcp`, headers: [{ name: 'X-Api-Key', value: 'key-that-must-not-leak', secret: true }] }, label: 'Playground' },
  local: { target: { transport: 'stdio', command: 'node', args: ['server.js'] }, label: 'Local' },
};
const remotes = { resolveForConnection: async (id: string) => targets[id]! } as unknown as RemotesPort;
const answers: Array<string | undefined> = [];
const dialogs: FileDialogs = { chooseFileToOpen: async () => undefined, chooseFileToSave: async () => answers.shift() };

describe('doctor:run and doctor:export', () => {
  const handlers = doctorHandlers({ remotes, playground, dialogs });

  it('starts the built-in playground for its remote, masks the remote\'s secrets, and exports the last report', async () => {
    const run = await handlers['doctor:run']({ remoteId: 'pg' });
    expect(run.label).toBe('Playground');
    expect(run.reports).toHaveLength(1);
    const report = run.reports[0]!;
    expect(report.ok).toBe(true);
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(report.layers.find((l) => l.layer === 'auth')!.finding).toBe('The server accepted the request with X-Api-Key (values masked)');
    expect(JSON.stringify(report)).not.toContain('key-that-must-not-leak');
    answers.push(undefined);
    expect(await handlers['doctor:export']({ remoteId: 'pg' })).toEqual({ cancelled: true });
    const file = join(dir, 'report.json');
    answers.push(file);
    expect(await handlers['doctor:export']({ remoteId: 'pg' })).toEqual({ cancelled: false, path: file });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(report);
  });

  it('checks every instance of a group in turn, with the group\'s headers; the export is the CLI\'s group shape', async () => {
    const gone = await refusedPort();
    const group = [
      { instance: `http://${PLAYGROUND_HOST}/mcp`, target: targets.pg!.target, label: 'Pair (instance 1 of 2)' },
      { instance: `http://127.0.0.1:${gone}/mcp`, target: { ...targets.pg!.target, url: `http://127.0.0.1:${gone}/mcp` }, label: 'Pair (instance 2 of 2)' },
    ];
    const groupRemotes = { get: async () => ({ name: 'Pair' }), resolveGroupForConnection: async () => group } as unknown as RemotesPort;
    const events: MainEvent[] = [];
    const groupHandlers = doctorHandlers({ remotes: groupRemotes, playground, dialogs, emit: (event) => events.push(event) });
    const run = await groupHandlers['doctor:run']({ remoteId: 'pair' });
    // Before each instance, the window hears which one is next, named by its report's (masked) URL.
    expect(events).toEqual([
      { type: 'doctor-progress', remoteId: 'pair', instance: 1, instances: 2, url: run.reports[0]!.url },
      { type: 'doctor-progress', remoteId: 'pair', instance: 2, instances: 2, url: run.reports[1]!.url },
    ]);
    expect(run.label).toBe('Pair');
    expect(run.reports.map((r) => [r.label, r.ok, r.firstFailure])).toEqual([
      ['Pair (instance 1 of 2)', true, undefined],
      ['Pair (instance 2 of 2)', false, 'tcp'],
    ]);
    expect(run.reports[1]!.url).toBe(`http://127.0.0.1:${gone}/mcp`);
    expect(JSON.stringify(run)).not.toContain('key-that-must-not-leak');
    const file = join(dir, 'group.json');
    answers.push(file);
    await groupHandlers['doctor:export']({ remoteId: 'pair' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ label: 'Pair', instances: run.reports });
  });

  it('refuses a stdio remote, and an export before any run', async () => {
    await expect(handlers['doctor:run']({ remoteId: 'local' })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await expect(doctorHandlers({ remotes, playground, dialogs })['doctor:export']({ remoteId: 'pg' })).rejects.toMatchObject({ info: { kind: 'not-found', hint: 'Run the doctor first.' } });
  });
});
