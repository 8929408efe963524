/**
 * The `charset` a response's Content-Type declares, for the trace: how a body the caller reads
 * itself (an error page, plain text) is decoded for display, and a warning when a JSON or
 * event-stream answer declares anything but UTF-8.
 *
 * JSON exchanged between systems is UTF-8 (RFC 8259 section 8.1), fetch's `json()` decodes it so
 * whatever the header says (Fetch standard, "consume body"), and an event stream is always UTF-8
 * (HTML standard, "Server-sent events", section 9.2.5). So an MCP client reads such an answer as
 * UTF-8 and a server sending Latin-1 gets its non-ASCII characters garbled: the trace shows the
 * answer as the client read it, and says why it looks wrong.
 */

import { TextDecoder } from 'node:util';

/** Decoders by WHATWG encoding label; one serves every exchange (stateless decodes). */
const decoders = new Map<string, TextDecoder>();
const UTF8 = new TextDecoder();
decoders.set('utf-8', UTF8);

/** Past this many labels (a hostile server inventing one per answer) new ones are not kept. */
const MAX_KEPT_DECODERS = 16;

/**
 * The charset parameter of a Content-Type value, lower-cased and unquoted (RFC 9110 section
 * 8.3.1: parameter names are case-insensitive, values may be quoted); undefined when absent.
 */
export function declaredCharset(contentType: string): string | undefined {
  // A cheap test first: this runs on every answer, and nearly none has the parameter.
  if (!/charset/i.test(contentType)) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = (match?.[1] ?? match?.[2])?.trim().toLowerCase();
  return value ? value : undefined;
}

/**
 * The decoder for a body of this Content-Type: the declared charset when the WHATWG Encoding
 * standard knows its label (`latin1` and `iso-8859-1` read as windows-1252, as browsers do),
 * else UTF-8.
 */
export function decoderFor(contentType: string): TextDecoder {
  const charset = declaredCharset(contentType);
  if (!charset) return UTF8;
  const known = decoders.get(charset);
  if (known) return known;
  let decoder = UTF8;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // An unknown label (RangeError): UTF-8, as a browser falls back.
  }
  if (decoders.size < MAX_KEPT_DECODERS) decoders.set(charset, decoder);
  return decoder;
}

/**
 * A warning when a JSON or event-stream answer declares a charset other than UTF-8 (empty list
 * otherwise). The charset is quoted as sent (cut to 40 characters); the caller redacts it.
 */
export function charsetWarnings(contentType: string): string[] {
  const charset = declaredCharset(contentType);
  if (!charset || charset === 'utf-8' || charset === 'utf8') return [];
  const shown = charset.length > 40 ? `${charset.slice(0, 40)}…` : charset;
  if (/^\s*application\/json/i.test(contentType)) {
    return [`The answer declares charset=${shown}, but JSON is always read as UTF-8 (RFC 8259 section 8.1): any non-ASCII character the server sent in ${shown} arrives garbled. The server should send UTF-8`];
  }
  if (/^\s*text\/event-stream/i.test(contentType)) {
    return [`The event stream declares charset=${shown}, but event streams are always read as UTF-8: any non-ASCII character the server sent in ${shown} arrives garbled. The server should send UTF-8`];
  }
  return [];
}
