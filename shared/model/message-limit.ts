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

/** Bytes → megabytes as the form shows them: 262144000 → "250", 1572864 → "1.5". */
export function messageLimitMegabytes(bytes: number): string {
  return String(Math.round((bytes / MIB) * 1000) / 1000);
}
