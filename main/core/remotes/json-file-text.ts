/**
 * Bytes that are not UTF-8 text. `offset` is the position of the first bad byte, in bytes from
 * the start of the file (after any byte order mark), and `byte` its value.
 */
export class NotUtf8Error extends Error {
  constructor(
    readonly offset: number,
    readonly byte: number,
  ) {
    super(`byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} is not UTF-8`);
    this.name = 'NotUtf8Error';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a JSON file a person may have written with any editor. The files are JSON, so
 * UTF-8, but editors add what JSON.parse refuses: a UTF-8 byte order mark (Windows Notepad) is
 * dropped, and UTF-16 with its byte order mark (what PowerShell's `>` writes) is decoded. Bytes
 * that are not UTF-8 are refused with their offset, rather than turned into U+FFFD and reported
 * later as, say, an invalid URL.
 * @param bytes the file's whole content.
 * @returns the text, without a byte order mark.
 * @throws NotUtf8Error when the bytes (without a UTF-16 byte order mark) are not valid UTF-8.
 */
export function jsonFileText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw firstBadByte(body);
  }
}

/** Finds where the bytes stop being UTF-8: the first U+FFFD a lenient decode made out of bytes that were not EF BF BD. */
function firstBadByte(bytes: Uint8Array): NotUtf8Error {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  for (const char of text) {
    if (char === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return new NotUtf8Error(offset, bytes[offset]);
    }
    offset += Buffer.byteLength(char, 'utf8');
  }
  return new NotUtf8Error(offset, bytes[offset] ?? 0);
}
