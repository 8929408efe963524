import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { doctorForBundle, type BundleDoctor } from '../bundle/bundle-doctor';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../../../package.json';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model/trace';
import type { ReproBundle } from '../../../shared/model/repro-bundle';
import { readSessionFile } from '../capture/session-file-reader';
import { SESSION_FORMAT, SESSION_VERSION } from '../capture/session-header';
import { bundleRemote } from '../bundle/bundle-remote';
import { createReproBundle, readBundleFile, writeBundleFile } from '../bundle/repro-bundle';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { HarCollector } from '../export/har-collector';
import { buildHar, harFromSessionFile, writeHarFile } from '../export/har-document';
import { bundleSummary } from './bundle-parts';
import type { ConnectionLookup } from './connection-lookup';
import type { OpenedFiles } from './opened-files';
import type { ConnectionPort, FileDialogs, SessionFilesPort } from './ports';
import { noDialogs } from './service-errors';
import { sessionFileName } from './session-handlers';

const HAR_FILES = [
  { name: 'HTTP Archive (HAR)', extensions: ['har'] },
  { name: 'All files', extensions: ['*'] },
];
const BUNDLE_FILES = [
  { name: 'MCP Periscope repro bundles', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export interface ExportHandlerDeps {
  lookup: ConnectionLookup;
  sessions: SessionFilesPort;
  sessionDir: string;
  opened: OpenedFiles;
  dialogs?: FileDialogs;
  /** Runs the doctor for a bundle's `doctor` part (default doctorForBundle; tests give their own). */
  doctor?: BundleDoctor;
  /** The latest auth debugger run against a server, for a bundle's `authDebug` part. */
  authDebugRunFor?: (serverUrl: string) => AuthDebugRun | undefined;
}

/** trace:export-har, session:export-har, bundle:save, bundle:open: files for tickets, every value already masked. */
export function exportHandlers({ lookup, sessions, sessionDir, opened, dialogs, doctor: runBundleDoctor = doctorForBundle, authDebugRunFor }: ExportHandlerDeps) {
  const chooseSave = async (title: string, name: string, filters: typeof HAR_FILES) => {
    if (!dialogs) throw noDialogs();
    return dialogs.chooseFileToSave({ title, defaultName: join(sessionDir, name), filters });
  };
  return {
    'trace:export-har': async ({ connectionId }: ParsedInput<'trace:export-har'>): Promise<ChannelOutput<'trace:export-har'>> => {
      const connection = lookup.any(connectionId);
      const label = connection.info().label;
      const path = await chooseSave('Export HAR', fileNameFor(label, 'har'), HAR_FILES);
      if (!path) return { cancelled: true };
      const collector = new HarCollector();
      await readConnection(connection, (entry) => collector.ingest(entry));
      const har = buildHar(collector, `Exported by MCP Periscope from the connection ${label}.`);
      await writeHarFile(path, har);
      return { cancelled: false, path, entries: har.log.entries.length };
    },
    'session:export-har': async ({ path: shown }: ParsedInput<'session:export-har'>): Promise<ChannelOutput<'session:export-har'>> => {
      const sessionFile = opened.sessionFileOf(shown);
      if (!sessionFile) {
        throw new PeriscopeError({ kind: 'invalid-input', message: `${shown} was not opened in this window`, hint: 'open the session file or repro bundle first, then export its HAR from its tab' });
      }
      const path = await chooseSave('Export HAR', fileNameFor(shown.split(/[\\/]/).pop() ?? 'session', 'har'), HAR_FILES);
      if (!path) return { cancelled: true };
      // Its unreadable lines were reported when it was opened (and stand in its trace).
      const { har } = await harFromSessionFile(sessionFile);
      await writeHarFile(path, har);
      return { cancelled: false, path, entries: har.log.entries.length };
    },
    'bundle:save': async ({ connectionId }: ParsedInput<'bundle:save'>): Promise<ChannelOutput<'bundle:save'>> => {
      const connection = lookup.any(connectionId);
      const info = connection.info();
      const path = await chooseSave('Save repro bundle', fileNameFor(info.label, 'bundle.json'), BUNDLE_FILES);
      if (!path) return { cancelled: true };
      const entries: TraceEntry[] = [];
      const header = await readConnection(connection, (entry) => entries.push(entry));
      const failed = (info.state === 'failed' || info.state === 'lost') && info.error;
      const doctor = connection.givenTarget ? await runBundleDoctor(connection.givenTarget, info.label) : undefined;
      // The auth debugger's latest run against this server in this window, when there is one.
      const serverUrl = connection.givenTarget?.url;
      const authDebug = serverUrl ? authDebugRunFor?.(serverUrl) : undefined;
      const bundle = createReproBundle({
        remote: bundleRemote(connection.givenTarget ?? { transport: info.transport ?? 'auto', ...(info.url ? { url: info.url } : {}) }, info.label),
        outcome: failed ? { ok: false, error: info.error! } : { ok: true },
        session: { header, entries },
        parts: { doctor, authDebug },
      });
      await writeBundleFile(path, bundle);
      return { cancelled: false, path, entries: entries.length, httpExchanges: bundle.har.log.entries.length };
    },
    'bundle:open': async (): Promise<ChannelOutput<'bundle:open'>> => {
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToOpen({ title: 'Open a repro bundle', filters: BUNDLE_FILES });
      if (!path) return { cancelled: true };
      const bundle = await readBundleFile(path);
      // The trace opens as any session file does (bounded in memory, analytics over all of it).
      const sessionFile = await privateSessionCopy(bundle, opened);
      const { header, entries, evicted, problems, metrics, latencySamples } = await sessions.read(sessionFile);
      opened.add(path, sessionFile);
      return {
        cancelled: false,
        path,
        header,
        entries,
        evicted: evicted ?? 0,
        problems: problems ?? [],
        ...(metrics ? { metrics } : {}),
        ...(latencySamples ? { latencySamples } : {}),
        bundle: bundleSummary(bundle),
      };
    },
  };
}

/**
 * Hands every entry of a connection's trace to `onEntry`, whole where possible: a recorded
 * session file read streaming (then the entries memory holds that the file missed), else what
 * memory holds. Resolves with the session header (the file's, or one made for memory).
 */
async function readConnection(connection: ConnectionPort, onEntry: (entry: TraceEntry) => void): Promise<ReproBundle['session']['header']> {
  const trace = connection.trace;
  if (trace?.sessionFile) {
    await trace.flush().catch(() => undefined);
    const { header } = await readSessionFile(trace.sessionFile, { onEntry, hold: { entryCapBytes: 1024, capacity: 1, budgetBytes: 64 * 1024 } });
    for (const entry of trace.notRecorded()) onEntry(entry);
    return header;
  }
  for (const entry of connection.buffer.entries()) onEntry(entry);
  return { format: SESSION_FORMAT, version: SESSION_VERSION, createdAt: Date.now(), app: { name: 'MCP Periscope', version: packageJson.version } };
}

/** The bundle's session written as a session file of its own, readable by the user only. */
async function privateSessionCopy(bundle: ReproBundle, opened: OpenedFiles): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-opened-bundle-'));
  opened.addCopyFolder(dir);
  const path = join(dir, 'session.ndjson');
  const lines = [JSON.stringify(bundle.session.header), ...bundle.session.entries.map((entry) => JSON.stringify(entry))];
  await writeFile(path, `${lines.join('\n')}\n`, { mode: 0o600 });
  return path;
}

function fileNameFor(label: string, extension: string): string {
  return sessionFileName(label, Date.now()).replace(/\.ndjson$/, `.${extension}`);
}
