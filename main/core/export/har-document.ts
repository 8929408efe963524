import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import packageJson from '../../../package.json';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceEntry } from '../../../shared/model/trace';
import { readSessionFile } from '../capture/session-file-reader';
import { storageError } from '../capture/session-header';
import { writeFileAtomic } from '../remotes/atomic-write';
import { HarCollector } from './har-collector';
import { harEntry } from './har-entry';
import type { HarLog } from '../../../shared/model/har';

export const HAR_CREATOR = { name: 'MCP Periscope', version: packageJson.version };

/**
 * The HAR 1.2 archive of the exchanges a collector gathered: `log.version` "1.2", the creator,
 * one entry per HTTP exchange in the order the requests were sent. `comment` goes on the log
 * (e.g. where the trace came from).
 */
export function buildHar(collector: HarCollector, comment?: string): HarLog {
  const notes = [
    ...(comment ? [comment] : []),
    'Secrets were masked before the trace was stored; WebSocket frames and stdio are not HTTP exchanges and are not here.',
    ...(collector.dropped > 0 ? [`The ${collector.dropped} oldest exchanges were left out (an archive keeps the latest ${collector.list().length}).`] : []),
  ];
  return {
    log: {
      version: '1.2',
      creator: { ...HAR_CREATOR },
      entries: collector.list().map((exchange) => harEntry(exchange, collector.streamCapBytes)),
      comment: notes.join(' '),
    },
  };
}

/** The HAR of a list of trace entries (a connection's in-memory trace). */
export function harFromEntries(entries: Iterable<TraceEntry>, comment?: string): HarLog {
  const collector = new HarCollector();
  for (const entry of entries) collector.ingest(entry);
  return buildHar(collector, comment);
}

/**
 * The HAR of a session file (`--record`, "Save session…"), read streaming: every entry whole,
 * as the file has it. `problems`: the lines that could not be read (a `storage` ErrorInfo each,
 * naming the line and why, as readSessionFile gives them); the archive has the rest, and its
 * comment says how many lines are missing. Errors: the session file's own (not found, a folder,
 * not a session, newer format).
 */
export async function harFromSessionFile(path: string): Promise<{ har: HarLog; problems: ErrorInfo[] }> {
  const collector = new HarCollector();
  // hold keeps one entry in memory: only the collector's exchanges stay.
  const read = await readSessionFile(path, { onEntry: (entry) => collector.ingest(entry), hold: { entryCapBytes: 1024, capacity: 1, budgetBytes: 64 * 1024 } });
  const from = `From the session file recorded at ${new Date(read.header.createdAt).toISOString()} by ${read.header.app.name} ${read.header.app.version}.`;
  const missing = read.problems.length > 0 ? ` ${read.problems.length} of its lines could not be read; what they held is not here.` : '';
  return { har: buildHar(collector, from + missing), problems: read.problems };
}

/** The archive as the text of a .har file (JSON, two-space indented, newline at the end). */
export function harText(har: HarLog): string {
  return `${JSON.stringify(har, null, 2)}\n`;
}

/** Writes the archive atomically, readable by the user only (0600). Fails with a `storage` PeriscopeError. */
export async function writeHarFile(path: string, har: HarLog): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, harText(har));
  } catch (error) {
    throw storageError(`Could not write the HAR file ${path}`, error);
  }
}
