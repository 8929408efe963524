import { join } from 'node:path';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { FileDialogs, SessionFilesPort } from './ports';
import type { ConnectionLookup } from './connection-lookup';
import type { OpenedFiles } from './opened-files';
import { fileError, noDialogs } from './service-errors';
import { isPeriscopeError } from '../diagnostics/periscope-error';

const SESSION_FILES = [
  { name: 'MCP Periscope sessions', extensions: ['ndjson', 'jsonl'] },
  { name: 'All files', extensions: ['*'] },
];

export interface SessionHandlerDeps {
  lookup: ConnectionLookup;
  sessions: SessionFilesPort;
  sessionDir: string;
  dialogs?: FileDialogs;
  /** Remembers the files opened here, so their HAR can be exported later (session:export-har). */
  opened?: OpenedFiles;
}

/** session:* — one file per connection's trace; secrets were redacted before entries existed. */
export function sessionHandlers({ lookup, sessions, sessionDir, dialogs, opened }: SessionHandlerDeps) {
  return {
    'session:save': async ({ connectionId }: ParsedInput<'session:save'>): Promise<ChannelOutput<'session:save'>> => {
      const connection = lookup.any(connectionId); // a closed connection's trace can still be saved
      if (!dialogs) throw noDialogs();
      const info = connection.info();
      const path = await dialogs.chooseFileToSave({
        title: 'Save session',
        defaultName: join(sessionDir, sessionFileName(info.label, Date.now())),
        filters: SESSION_FILES,
      });
      if (!path) return { cancelled: true };
      // A recorded session is copied whole from its file (memory holds cut copies, and maybe not all).
      const trace = connection.trace;
      if (trace?.sessionFile && sessions.copy) {
        const from = trace.sessionFile;
        await trace.flush().catch(() => undefined);
        const count = await guard('write', path, () => sessions.copy!(from, path, trace.notRecorded()));
        return { cancelled: false, path, count };
      }
      const entries = connection.buffer.entries();
      await guard('write', path, () => sessions.write(path, entries));
      return { cancelled: false, path, count: entries.length };
    },
    'session:open': async (): Promise<ChannelOutput<'session:open'>> => {
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToOpen({ title: 'Open a saved session', filters: SESSION_FILES });
      if (!path) return { cancelled: true };
      const { header, entries, evicted, problems, metrics, latencySamples } = await guard('read', path, () => sessions.read(path));
      opened?.add(path, path);
      return { cancelled: false, path, header, entries, evicted: evicted ?? 0, problems: problems ?? [], ...(metrics ? { metrics } : {}), ...(latencySamples ? { latencySamples } : {}) };
    },
  };
}

export function sessionFileName(label: string, time: number): string {
  const safe = label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'session';
  const stamp = new Date(time).toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  return `${safe}-${stamp}.ndjson`;
}

async function guard<T>(action: string, path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isPeriscopeError(error)) throw error; // already says what is wrong with the file
    throw fileError(action, path, error);
  }
}
