import { createReadStream } from 'node:fs';
import { MAX_JSON_DEPTH, pruneDepth, textDepth } from '../../../shared/json/json-depth';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { TraceEntry as TraceEntryShape, type TraceEntry } from '../../../shared/model/trace';
import { describeBytes } from '../../../shared/model/trace-size';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { heldCopy, sizeNote } from './held-copy';
import { notASession, parseSessionHeader, sessionIsAFolder, sessionNotFound, sessionReadError, type SessionHeader } from './session-header';
import { TraceBuffer } from './trace-buffer';
import { cutUtf8 } from './utf8-cut';
import { keepNewest } from '../../../shared/collections/keep-newest';

/**
 * The longest line the reader takes by default (256 MiB): far above any entry Periscope writes
 * in practice, well below V8's longest string (about 512 MiB), past which a line cannot even be
 * turned into text.
 */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface ReadSessionOptions {
  /** Longest line taken, in bytes; a longer one becomes a storage error entry and is skipped. */
  maxLineBytes?: number;
  /**
   * Read for display: each entry becomes its in-memory copy (payloads over `entryCapBytes`
   * cut, too-deep messages shown to their first levels) and only the last entries within
   * `capacity` and `budgetBytes` are kept, as a live connection's buffer would.
   */
  hold?: { entryCapBytes: number; capacity: number; budgetBytes: number };
  /** Sees every entry whole, in order, before `hold` cuts or drops it (the analytics read the whole file this way). */
  onEntry?: (entry: TraceEntry) => void;
}

export interface SessionRead {
  header: SessionHeader;
  entries: TraceEntry[];
  /** Entries left out by `hold` (the oldest), 0 otherwise. */
  evicted: number;
  /** Lines that could not be read (too long, not an entry); each is also an entry in `entries`. */
  problems: ErrorInfo[];
}

/** Recent sse-event data kept to restore the message entries that point at it (see SsePayloadLinks). */
const LINKED_DATA_KEPT = 16;
/** Enough of a skipped line to read the seq and times it starts with. */
const HEAD_BYTES = 512;

/**
 * Reads a session file line by line, streaming: memory holds one line at a time (plus the kept
 * entries), and no line longer than `maxLineBytes` is ever assembled. A line that is too long, is
 * not a trace entry, or is cut short at the end of the file (the app was killed mid-write) becomes
 * a lifecycle entry with a `storage` error naming the line number and why, listed in `problems`
 * too, and reading goes on: every skipped line is reported, none quietly. A UTF-8 byte order mark
 * before the header is allowed. A file that is missing, a folder, has no session header, or is
 * from a newer format version is a PeriscopeError.
 */
export async function readSessionFile(path: string, options: ReadSessionOptions = {}): Promise<SessionRead> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const reader = new EntryCollector(path, maxLineBytes, options.hold, options.onEntry);
  let parts: Buffer[] = [];
  let partBytes = 0;
  let skipped: { bytes: number; head: Buffer } | undefined;
  const input = createReadStream(path);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let from = 0;
      while (from < chunk.length) {
        const newline = chunk.indexOf(0x0a, from);
        const end = newline < 0 ? chunk.length : newline;
        const piece = chunk.subarray(from, end);
        if (skipped) {
          skipped.bytes += piece.length;
        } else if (partBytes + piece.length > maxLineBytes) {
          // Too long: stop collecting (and free what was collected); keep only its start.
          skipped = { bytes: partBytes + piece.length, head: headOf([...parts, piece]) };
          parts = [];
          partBytes = 0;
        } else if (piece.length > 0) {
          parts.push(piece);
          partBytes += piece.length;
        }
        if (newline < 0) break;
        if (skipped) reader.tooLong(skipped.bytes, skipped.head.toString('utf8'));
        else reader.line(Buffer.concat(parts, partBytes).toString('utf8'));
        parts = [];
        partBytes = 0;
        skipped = undefined;
        from = newline + 1;
      }
    }
  } catch (error) {
    if (error instanceof PeriscopeError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') throw sessionNotFound(path);
    if ((error as { code?: string }).code === 'EISDIR') throw sessionIsAFolder(path);
    throw sessionReadError(path, error);
  } finally {
    input.destroy();
  }
  // What follows the last newline: a last line without its newline, or one cut short.
  if (skipped) reader.tooLong(skipped.bytes, skipped.head.toString('utf8'));
  else if (partBytes > 0) reader.line(Buffer.concat(parts, partBytes).toString('utf8'), { unterminated: true });
  return reader.finish();
}

/** Turns lines into entries, one behind, so the last line can be told apart (it may be cut short). */
class EntryCollector {
  private header: SessionHeader | undefined;
  private lineNumber = 0;
  private held: { text: string; number: number; unterminated: boolean } | undefined;
  private readonly all: TraceEntry[] = [];
  private readonly window: TraceBuffer | undefined;
  private readonly problems: ErrorInfo[] = [];
  private readonly linkedData = new Map<number, string>();
  private last: TraceEntry | undefined;

  constructor(
    private readonly path: string,
    private readonly maxLineBytes: number,
    private readonly hold: ReadSessionOptions['hold'],
    private readonly onEntry?: (entry: TraceEntry) => void,
  ) {
    if (hold) this.window = new TraceBuffer(hold.capacity, hold.budgetBytes);
  }

  line(text: string, { unterminated = false } = {}): void {
    this.lineNumber++;
    if (this.lineNumber === 1) {
      // Some editors save UTF-8 with a byte order mark; JSON itself has none.
      this.header = parseSessionHeader(text.replace(/^\uFEFF/, ''), this.path);
      return;
    }
    this.settleHeld();
    this.held = text.trim() === '' ? undefined : { text, number: this.lineNumber, unterminated };
  }

  tooLong(bytes: number, head: string): void {
    this.lineNumber++;
    if (this.lineNumber === 1) throw notASession(this.path, `its first line is ${describeBytes(bytes)} long, not a session header`);
    this.settleHeld();
    const why = `it is ${describeBytes(bytes)} long, more than the ${describeBytes(this.maxLineBytes)} a line may have`;
    this.problem(this.lineNumber, why, { bytes, maxLineBytes: this.maxLineBytes }, head);
  }

  finish(): SessionRead {
    if (!this.header) throw notASession(this.path, 'the file is empty');
    this.settleHeld();
    const entries = this.window ? this.window.entries() : this.all;
    return { header: this.header, entries, evicted: this.window?.evicted ?? 0, problems: this.problems };
  }

  private settleHeld(): void {
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    const parsed = parseEntry(held.text);
    if ('entry' in parsed) return this.keep(parsed.entry, held.text);
    // Only the last line can be cut short by a crash mid-write; anywhere else it is damage.
    const why = held.unterminated && !parsed.json ? 'it is cut short: the file ends in the middle of it (the recording was interrupted while writing it)' : parsed.why;
    this.problem(held.number, why, {}, held.text.slice(0, HEAD_BYTES));
  }

  private keep(entry: TraceEntry, text: string): void {
    if (entry.type === 'sse-event') {
      this.linkedData.set(entry.seq, entry.data);
      keepNewest(this.linkedData, LINKED_DATA_KEPT);
    }
    let kept = entry.type === 'message' && entry.sseEventSeq !== undefined && entry.message === undefined ? this.restoreLinked(entry) : entry;
    this.onEntry?.(kept);
    if (this.hold) kept = this.inMemory(kept, text);
    this.last = kept;
    if (this.window) this.window.push(kept);
    else this.all.push(kept);
  }

  /** The in-memory copy: the usual cut for size and depth, and nothing deeper than Periscope handles. */
  private inMemory(entry: TraceEntry, text: string): TraceEntry {
    // The line nests one level more than its entry's payload; only long lines can be deep at all.
    if (text.length > 2 * MAX_JSON_DEPTH && textDepth(text, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH + 1) {
      if (entry.type === 'message' && !entry.truncated) entry = { ...entry, depth: entry.depth ?? textDepth(text) - 1 };
      else if (entry.type !== 'message') entry = pruneDepth(entry, MAX_JSON_DEPTH) as TraceEntry;
    }
    return heldCopy(entry, { entryCapBytes: this.hold!.entryCapBytes, inSessionFile: true });
  }

  /** A message stored once, in the data of the sse-event that carried it. */
  private restoreLinked(entry: Extract<TraceEntry, { type: 'message' }>): TraceEntry {
    const data = this.linkedData.get(entry.sseEventSeq!);
    if (data === undefined) {
      return { ...entry, warnings: [...(entry.warnings ?? []), `The message was stored in the data of sse-event ${entry.sseEventSeq}, which is missing from the file`] };
    }
    this.linkedData.delete(entry.sseEventSeq!);
    const cap = this.hold?.entryCapBytes;
    if (cap !== undefined && entry.size > cap) {
      const kept = cutUtf8(data, cap);
      return { ...entry, message: kept.text, truncated: sizeNote(entry.size, kept.bytes, { inSessionFile: true }) };
    }
    try {
      return { ...entry, message: JSON.parse(data) as unknown };
    } catch {
      return { ...entry, message: data };
    }
  }

  private problem(lineNumber: number, why: string, detail: Record<string, unknown>, head: string): void {
    const message = `Line ${lineNumber} of the session file ${this.path} could not be read: ${why}`;
    const error: ErrorInfo = {
      kind: 'storage',
      message,
      hint: 'the entry on that line is missing here; the rest of the file was read',
      detail: { path: this.path, line: lineNumber, ...detail },
    };
    this.problems.push(error);
    const stamps = stampsOf(head, this.last);
    const entry: TraceEntry = { ...stamps, type: 'lifecycle', state: 'error', text: message, error };
    this.last = entry;
    if (this.window) this.window.push(entry);
    else this.all.push(entry);
  }
}

/** The first HEAD_BYTES of a line held in pieces, without joining the rest. */
function headOf(pieces: Buffer[]): Buffer {
  const taken: Buffer[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    if (bytes >= HEAD_BYTES) break;
    taken.push(piece.subarray(0, HEAD_BYTES - bytes));
    bytes += taken[taken.length - 1].length;
  }
  return Buffer.concat(taken);
}

const ENTRY_TYPES: ReadonlySet<string> = new Set(TraceEntryShape.options.map((option) => option.shape.type.value));
const DAMAGED = '(the file was changed or corrupted after it was written)';

/**
 * A light check, what every reader of an entry relies on: its type is one Periscope writes and its
 * stamps (seq, connectionId, wallTime, monoTime) have their types. Full schema validation of
 * 100,000 entries would cost about as much again as parsing them. `json` says whether the line
 * was JSON at all (a line cut short is not).
 */
function parseEntry(text: string): { entry: TraceEntry } | { why: string; json: boolean } {
  let value: Record<string, unknown> | null;
  try {
    value = JSON.parse(text) as Record<string, unknown> | null;
  } catch {
    return { why: `it is not JSON ${DAMAGED}`, json: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { why: `it is not a trace entry, it is not a JSON object ${DAMAGED}`, json: true };
  if (typeof value.type !== 'string') return { why: `it is not a trace entry, it has no "type" ${DAMAGED}`, json: true };
  if (!ENTRY_TYPES.has(value.type)) return { why: `its entry type "${value.type.slice(0, 40)}" is not one this version of MCP Periscope writes (a newer version, or a changed file)`, json: true };
  const wrong = stampProblem(value);
  if (wrong) return { why: `it is not a valid trace entry, ${wrong} ${DAMAGED}`, json: true };
  return { entry: value as unknown as TraceEntry };
}

function stampProblem(value: Record<string, unknown>): string | undefined {
  if (!Number.isInteger(value.seq)) return '"seq" is not a whole number';
  if (typeof value.connectionId !== 'string') return '"connectionId" is not text';
  if (typeof value.wallTime !== 'number') return '"wallTime" is not a number';
  if (typeof value.monoTime !== 'number') return '"monoTime" is not a number';
  return undefined;
}

/** The seq and times a line starts with (entries are written stamps first), else the previous entry's. */
function stampsOf(head: string, previous: TraceEntry | undefined): Pick<TraceEntry, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> {
  const number = (key: string) => {
    const match = new RegExp(`"${key}":(-?[\\d.eE+-]+)`).exec(head);
    return match ? Number(match[1]) : undefined;
  };
  const seq = number('seq');
  const connectionId = /"connectionId":"((?:[^"\\]|\\.)*)"/.exec(head)?.[1];
  return {
    seq: seq !== undefined && Number.isInteger(seq) ? seq : (previous?.seq ?? 0),
    connectionId: connectionId ?? previous?.connectionId ?? '',
    wallTime: number('wallTime') ?? previous?.wallTime ?? 0,
    monoTime: number('monoTime') ?? previous?.monoTime ?? 0,
  };
}
