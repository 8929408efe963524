import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import packageJson from '../../../package.json';
import type { TraceEntry } from '../../../shared/model/trace';
import { PeriscopeError } from '../diagnostics/periscope-error';

export const SESSION_FORMAT = 'mcp-periscope-session';
export const SESSION_VERSION = 1;

/** Loose: a later minor addition to the header must not make older readers reject the file. */
export const SessionHeader = z.looseObject({
  format: z.literal(SESSION_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.number(),
  app: z.object({ name: z.string(), version: z.string() }),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type SessionHeader = z.infer<typeof SessionHeader>;

/** Pending text beyond this is handed to the stream at once instead of on the next tick. */
const FLUSH_THRESHOLD_CHARS = 256 * 1024;

/**
 * Streams a connection's trace to an NDJSON file as it happens, so what the in-memory buffer
 * evicts is still on disk. write() only queues a line: lines are joined and handed to the
 * file stream once per tick (or when a lot piled up), and while the stream is saturated they
 * wait in memory for 'drain', so a chatty server never blocks the event loop on disk.
 */
export class SessionFileWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private scheduled = false;
  private waitingForDrain = false;
  private closed = false;
  private failure: PeriscopeError | undefined;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure ??= storageError(`Could not write the session file ${path}`, error);
    });
    stream.on('drain', () => {
      this.waitingForDrain = false;
      this.drain();
    });
  }

  /**
   * Creates (or replaces) the file and writes its header. `meta.app` names the writing app;
   * every other meta field is kept under the header's `meta`.
   */
  static async open(path: string, meta: object = {}): Promise<SessionFileWriter> {
    const { app, ...rest } = meta as { app?: { name: string; version: string } };
    const header: SessionHeader = {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      createdAt: Date.now(),
      app: app ?? { name: 'MCP Periscope', version: packageJson.version },
      ...(Object.keys(rest).length > 0 ? { meta: rest } : {}),
    };
    try {
      await mkdir(dirname(path), { recursive: true });
      // 0600: a session holds the conversation with a server, which may be private even redacted.
      const stream = createWriteStream(path, { flags: 'w', mode: 0o600 });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      const writer = new SessionFileWriter(path, stream);
      writer.queue(JSON.stringify(header));
      return writer;
    } catch (error) {
      throw storageError(`Could not create the session file ${path}`, error);
    }
  }

  /** The write failure that stopped recording (disk full, file removed...), if any. */
  get error(): PeriscopeError | undefined {
    return this.failure;
  }

  /** Queues one entry; never blocks. Entries after close() or a write failure are dropped. */
  write(entry: TraceEntry): void {
    if (this.closed || this.failure) return;
    this.queue(JSON.stringify(entry));
  }

  /** Resolves when every entry written so far is in the file (rejects if the disk failed). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.takePending();
    await new Promise<void>((resolve, reject) => {
      // Stream writes complete in order: this callback means everything before it landed too.
      this.stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    }).catch((error: unknown) => {
      throw (this.failure ??= storageError(`Could not write the session file ${this.path}`, error));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    }
  }

  private queue(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_THRESHOLD_CHARS) this.drain();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.drain();
      });
    }
  }

  private drain(): void {
    if (this.waitingForDrain || this.pending.length === 0 || this.failure) return;
    if (!this.stream.write(this.takePending())) this.waitingForDrain = true;
  }

  private takePending(): string {
    if (this.pending.length === 0) return '';
    const chunk = this.pending.join('\n') + '\n';
    this.pending = [];
    this.pendingChars = 0;
    return chunk;
  }
}

/**
 * Reads a session file back into its header and entries. A torn final line (the app was killed
 * mid-write) is skipped; anything else malformed, or a file from a newer format version, is a
 * PeriscopeError of kind 'storage' that says what is wrong.
 */
export async function readSessionFile(path: string): Promise<{ header: SessionHeader; entries: TraceEntry[] }> {
  let header: SessionHeader | undefined;
  const entries: TraceEntry[] = [];
  // Lines are handled one behind, so we know which line is the last one.
  let held: { text: string; number: number } | undefined;
  let lineNumber = 0;

  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) {
      lineNumber++;
      if (lineNumber === 1) {
        header = parseHeader(text, path);
        continue;
      }
      if (held) entries.push(parseEntry(held.text, held.number, path));
      held = text.trim() === '' ? undefined : { text, number: lineNumber };
    }
  } catch (error) {
    if (error instanceof PeriscopeError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') {
      throw new PeriscopeError({
        kind: 'not-found',
        message: `The session file ${path} does not exist`,
        hint: 'check the path',
      });
    }
    throw storageError(`Could not read the session file ${path}`, error);
  } finally {
    lines.close();
    input.destroy();
  }

  if (!header) throw notASession(path, 'the file is empty');
  if (held) {
    const last = tryParseEntry(held.text);
    if (last) entries.push(last);
    // else: torn final line, the only place a crash can leave a partial write.
  }
  return { header, entries };
}

function parseHeader(text: string, path: string): SessionHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notASession(path, 'its first line is not JSON');
  }
  const candidate = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (candidate.format !== SESSION_FORMAT) throw notASession(path, 'its header does not name the session format');
  if (typeof candidate.version === 'number' && candidate.version > SESSION_VERSION) {
    throw new PeriscopeError({
      kind: 'storage',
      message: `The session file ${path} was written by a newer MCP Periscope (session format version ${candidate.version}; this version reads up to ${SESSION_VERSION})`,
      hint: 'update MCP Periscope to open this file',
      detail: { path, version: candidate.version, supported: SESSION_VERSION },
    });
  }
  const parsed = SessionHeader.safeParse(raw);
  if (!parsed.success) throw notASession(path, `its header is damaged (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

function parseEntry(text: string, lineNumber: number, path: string): TraceEntry {
  const entry = tryParseEntry(text);
  if (!entry) {
    throw new PeriscopeError({
      kind: 'storage',
      message: `The session file ${path} is damaged at line ${lineNumber}: not a trace entry`,
      hint: 'the file was changed or corrupted after it was written; open an intact copy',
      detail: { path, line: lineNumber },
    });
  }
  return entry;
}

/** A light check: full schema validation of 100,000 entries would cost more than it protects. */
function tryParseEntry(text: string): TraceEntry | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown; seq?: unknown } | null;
    if (value && typeof value.type === 'string' && typeof value.seq === 'number') return value as TraceEntry;
  } catch {
    // fall through
  }
  return undefined;
}

function notASession(path: string, why: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'storage',
    message: `${path} is not an MCP Periscope session file: ${why}`,
    hint: 'open a .ndjson session file written by MCP Periscope (a connection\'s "Save session…", or a recording)',
    detail: { path },
  });
}

function storageError(message: string, error: unknown): PeriscopeError {
  const cause = error instanceof Error ? error.message : String(error);
  return new PeriscopeError(
    {
      kind: 'storage',
      message: `${message}: ${cause}`,
      hint: 'check that the folder exists, is writable and the disk is not full',
      detail: { code: (error as { code?: string } | null)?.code },
    },
    { cause: error },
  );
}
