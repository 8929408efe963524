/**
 * The longest start of `text` that fits in `maxBytes` UTF-8 bytes, never splitting a character.
 * Cheap on huge strings: at most about 3 × maxBytes characters are ever encoded.
 */
export function cutUtf8(text: string, maxBytes: number): { text: string; bytes: number; cut: boolean } {
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so a short string needs no counting.
  if (text.length * 3 <= maxBytes) return { text, bytes: Buffer.byteLength(text, 'utf8'), cut: false };
  let head = text.length > maxBytes ? text.slice(0, maxBytes) : text;
  // Never end on half of a surrogate pair.
  if (head.length < text.length && (head.charCodeAt(head.length - 1) & 0xfc00) === 0xd800) head = head.slice(0, -1);
  const encoded = Buffer.from(head, 'utf8');
  if (encoded.length <= maxBytes) {
    return head.length === text.length ? { text, bytes: encoded.length, cut: false } : { text: head, bytes: encoded.length, cut: true };
  }
  let end = maxBytes;
  // Back off to the start of a character: continuation bytes look like 10xxxxxx.
  while (end > 0 && (encoded[end] & 0xc0) === 0x80) end--;
  return { text: encoded.subarray(0, end).toString('utf8'), bytes: end, cut: true };
}
