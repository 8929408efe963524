import { DEPTH_PREVIEW_LEVELS, MAX_JSON_DEPTH, pruneDepth } from '../../../shared/json/json-depth';
import { jsonText } from '../../../shared/json/json-text';
import type { ClientInputEntry, LifecycleEntry, MessageEntry, TraceEntry, Truncation } from '../../../shared/model/trace';
import { describeBytes } from '../../../shared/model/trace-size';
import { cutUtf8 } from './utf8-cut';

export interface HoldOptions {
  /** The most of one payload an in-memory copy keeps, in UTF-8 bytes. */
  entryCapBytes: number;
  /** Whether the whole entry is (or is about to be) in the session file. */
  inSessionFile: boolean;
}

/** Lifecycle texts and error messages are words, not payloads: a few kilobytes say everything. */
const LIFECYCLE_TEXT_CHARS = 16 * 1024;

/**
 * The copy of an entry that memory keeps (the buffer, the IPC batches, the renderer, the CLI):
 * the entry itself when it is small and shallow, which is nearly always, otherwise a stand-in
 * with a `truncated` marker saying what was cut and where the whole payload is.
 *
 * - a message bigger than the cap keeps the first `entryCapBytes` of its JSON text, as a string;
 * - a message nested deeper than MAX_JSON_DEPTH keeps its first DEPTH_PREVIEW_LEVELS levels, the
 *   deeper parts replaced by a note (or the first part of that as text, if still too big);
 * - an SSE event's data, a stderr line and a client-input request/answer are cut the same way.
 *
 * Pure and cheap on the common path: a message knows its size, so nothing is serialized for it.
 */
export function heldCopy(entry: TraceEntry, options: HoldOptions): TraceEntry {
  switch (entry.type) {
    case 'message':
      return heldMessage(entry, options);
    case 'sse-event': {
      if (entry.truncated || entry.size <= options.entryCapBytes) return entry;
      const kept = cutUtf8(entry.data, options.entryCapBytes);
      return { ...entry, data: kept.text, truncated: sizeNote(entry.size, kept.bytes, options) };
    }
    case 'stderr':
    case 'stdout': {
      if (entry.truncated || entry.line.length * 3 <= options.entryCapBytes) return entry;
      const kept = cutUtf8(entry.line, options.entryCapBytes);
      return kept.cut ? { ...entry, line: kept.text, truncated: sizeNote(Buffer.byteLength(entry.line, 'utf8'), kept.bytes, options) } : entry;
    }
    case 'client-input':
      return heldClientInput(entry, options);
    case 'lifecycle':
      return heldLifecycle(entry);
    default:
      return entry;
  }
}

function heldMessage(entry: MessageEntry, options: HoldOptions): TraceEntry {
  if (entry.truncated) return entry;
  const cap = options.entryCapBytes;
  if (entry.depth !== undefined && entry.depth > MAX_JSON_DEPTH) {
    const pruned = pruneDepth(entry.message, DEPTH_PREVIEW_LEVELS);
    const text = jsonText(pruned, cap);
    const kept = cutUtf8(text.text, cap);
    const whole = text.complete && !kept.cut;
    return { ...entry, message: whole ? pruned : kept.text, truncated: depthNote(entry.size, kept.bytes, entry.depth, options) };
  }
  if (entry.size <= cap) return entry;
  const kept = cutUtf8(jsonText(entry.message, cap).text, cap);
  return { ...entry, message: kept.text, truncated: sizeNote(entry.size, kept.bytes, options) };
}

function heldClientInput(entry: ClientInputEntry, options: HoldOptions): TraceEntry {
  if (entry.truncated) return entry;
  const cap = options.entryCapBytes;
  // Half the cap each: the question and the answer are shown side by side.
  const request = entry.request === undefined ? undefined : jsonText(entry.request, cap / 2);
  const answer = entry.answer === undefined ? undefined : jsonText(entry.answer, cap / 2);
  if ((request?.complete ?? true) && (answer?.complete ?? true)) return entry;
  const keptRequest = request ? cutUtf8(request.text, cap / 2) : undefined;
  const keptAnswer = answer ? cutUtf8(answer.text, cap / 2) : undefined;
  const bytes = byteLengthOf(entry.request) + byteLengthOf(entry.answer);
  const kept = (keptRequest?.bytes ?? 0) + (keptAnswer?.bytes ?? 0);
  return {
    ...entry,
    ...(keptRequest && !request!.complete ? { request: keptRequest.text } : {}),
    ...(keptAnswer && !answer!.complete ? { answer: keptAnswer.text } : {}),
    truncated: sizeNote(bytes, kept, options),
  };
}

/** A server's error text lands in lifecycle entries; a 50 MB error message must not. */
function heldLifecycle(entry: LifecycleEntry): TraceEntry {
  const error = entry.error;
  const detailTooBig = error?.detail !== undefined && !jsonText(error.detail, LIFECYCLE_TEXT_CHARS).complete;
  if (entry.text.length <= LIFECYCLE_TEXT_CHARS && (error?.message.length ?? 0) <= LIFECYCLE_TEXT_CHARS && !detailTooBig) return entry;
  const cut = (text: string) => (text.length > LIFECYCLE_TEXT_CHARS ? `${text.slice(0, LIFECYCLE_TEXT_CHARS)}… (cut at ${LIFECYCLE_TEXT_CHARS.toLocaleString('en-US')} characters)` : text);
  const { detail, ...rest } = error ?? {};
  return {
    ...entry,
    text: cut(entry.text),
    ...(error ? { error: { ...(rest as NonNullable<LifecycleEntry['error']>), message: cut(error.message), ...(detailTooBig ? {} : detail !== undefined ? { detail } : {}) } } : {}),
  };
}

export function sizeNote(bytes: number, keptBytes: number, options: Pick<HoldOptions, 'inSessionFile'>): Truncation {
  return {
    reason: 'size',
    bytes,
    keptBytes,
    fullCopy: options.inSessionFile ? 'session-file' : 'none',
    note: `truncated: ${describeBytes(bytes)}, the first ${describeBytes(keptBytes)} kept here; ${whereWhole(options.inSessionFile)}`,
  };
}

export function depthNote(bytes: number, keptBytes: number, depth: number, options: Pick<HoldOptions, 'inSessionFile'>): Truncation {
  return {
    reason: 'depth',
    bytes,
    keptBytes,
    depth,
    maxDepth: MAX_JSON_DEPTH,
    fullCopy: options.inSessionFile ? 'session-file' : 'none',
    note: `nested ${depth.toLocaleString('en-US')} levels deep; Periscope handles up to ${MAX_JSON_DEPTH} levels: shown to ${DEPTH_PREVIEW_LEVELS} levels here; ${whereWhole(options.inSessionFile)}`,
  };
}

function whereWhole(inSessionFile: boolean): string {
  return inSessionFile ? 'the full copy is in the session file' : 'no full copy was recorded (recording is off, or stopped at its cap)';
}

function byteLengthOf(value: unknown): number {
  if (value === undefined) return 0;
  const text = jsonText(value).text;
  return Buffer.byteLength(text, 'utf8');
}
