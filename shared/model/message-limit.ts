/**
 * The message size limit a remote may set (the largest message accepted from the server: an HTTP
 * answer's body, what an event stream sends between two events, a WebSocket message).
 */

/** The engine's default when a remote sets none: 100 MiB, as `ws` has it. */
export const DEFAULT_MESSAGE_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * The most a remote may set: 512 MiB. A larger message could not be held as text anyway (V8's
 * longest string is about 2^29 characters), so a higher limit would only fail later, less clearly.
 */
export const MAX_MESSAGE_LIMIT_BYTES = 512 * 1024 * 1024;

export const MESSAGE_LIMIT_RANGE_TEXT = 'a number of megabytes above 0 and at most 512';

const MIB = 1024 * 1024;

/**
 * A limit typed in megabytes (MiB, as every size in the app) → bytes, or undefined when it is not
 * a number above 0 and at most MAX_MESSAGE_LIMIT_BYTES. Empty text is the caller's to handle.
 */
export function messageLimitBytes(megabytes: string): number | undefined {
  const n = Number(megabytes.trim());
  if (megabytes.trim() === '' || !Number.isFinite(n) || n <= 0) return undefined;
  const bytes = Math.round(n * MIB);
  return bytes > 0 && bytes <= MAX_MESSAGE_LIMIT_BYTES ? bytes : undefined;
}

/**
 * What is wrong with a limit typed in megabytes, in words that name the value typed, or undefined
 * when messageLimitBytes accepts it. Empty text is the caller's to handle (it means the default).
 */
export function messageLimitProblem(megabytes: string): string | undefined {
  const text = megabytes.trim();
  if (text === '' || messageLimitBytes(text) !== undefined) return undefined;
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  const n = Number(text);
  // "1,5": a decimal comma, as many keyboards write it; Number() reads neither it nor "lots".
  if (/^\d+,\d{1,2}$/.test(text)) return `"${shown}" is not a number: write decimals with a point, e.g. ${text.replace(',', '.')}`;
  if (!Number.isFinite(n)) return `"${shown}" is not a number: enter the limit in megabytes, e.g. 100`;
  if (n <= 0) return `${shown} MB is not above 0: enter a limit above 0, e.g. 100`;
  if (n * MIB > MAX_MESSAGE_LIMIT_BYTES) return `${shown} MB is above the most a remote may set, 512 MB: a larger message could not be held as text`;
  return `${shown} MB is less than one byte: enter a larger limit, e.g. 1`;
}

/** Bytes → megabytes as the form shows them: 262144000 → "250", 1572864 → "1.5". */
export function messageLimitMegabytes(bytes: number): string {
  return String(Math.round((bytes / MIB) * 1000) / 1000);
}
