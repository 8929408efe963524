/**
 * The forms a server can echo one secret value in, found by plain substring search:
 * - `literal`: searched in the text as it is: the value; its JSON string escaping (RFC 8259, as
 *   JSON.stringify writes it, once and nested twice); its form-encoding of spaces (`a+b`); the hex
 *   of its UTF-8 bytes, lower and upper case (RFC 4648 section 8), alone or inside a longer hex
 *   text (hex is byte-aligned, so the value's hex is a plain substring of, e.g., `hex(user:secret)`).
 * - `base64`: the base64 and base64url (RFC 4648 sections 4 and 5) "cores" of the value, found
 *   on its own or inside a longer base64 text such as the `user:secret` of HTTP Basic auth
 *   (RFC 7617); a match is widened to the whole base64 run around it.
 * - `decoded`, `decodedBase64`: the same, searched in a decoded view (decoded-view.ts) where JSON
 *   escapes and percent-encoding are undone and `+` reads as a space, so canonicalized that way.
 *   Any mix of escapes and encodings decodes to these.
 */
export interface SecretForms {
  literal: string[];
  base64: string[];
  decoded: string[];
  decodedBase64: string[];
}

/**
 * Below this many bytes a value has no base64 core or hex form worth searching for: shorter ones
 * would match unrelated base64 or hex text (a hash, an id) by chance.
 */
const MIN_ENCODED_BYTES = 6;
/** Shorter base64 cores would match unrelated base64 text by chance. */
const MIN_BASE64_CORE = 8;

export function formsOf(secret: string): SecretForms {
  const literal = new Set<string>([secret]);
  const jsonOnce = JSON.stringify(secret).slice(1, -1);
  literal.add(jsonOnce);
  literal.add(JSON.stringify(jsonOnce).slice(1, -1));
  if (secret.includes(' ')) literal.add(secret.replace(/ /g, '+'));
  const hex = hexForms(secret);
  for (const form of hex) literal.add(form);
  const base64 = base64Cores(secret);
  return { literal: [...literal].filter(Boolean), base64, decoded: [canonical(secret), ...hex], decodedBase64: [...new Set(base64.map(canonical))] };
}

/** The hex of the value's UTF-8 bytes, lower and upper case; none for a value too short (MIN_ENCODED_BYTES). */
export function hexForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length < MIN_ENCODED_BYTES) return [];
  const lower = bytes.toString('hex');
  return [lower, lower.toUpperCase()];
}

/** How text reads in a decoded view: `+` is a space. */
export function canonical(text: string): string {
  return text.includes('+') ? text.replace(/\+/g, ' ') : text;
}

/**
 * The base64 and base64url "cores" of a value: the characters that are the same wherever the
 * value sits inside an encoded text. Base64 works on 3-byte groups, so for each of the three
 * alignments the characters that mix in unknown bytes before (2 or 3 characters) or after the
 * value are dropped. The alignment-0 core is a prefix of the value's own encoding.
 */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length < MIN_ENCODED_BYTES) return [];
  const forms = new Set<string>();
  for (const shift of [0, 1, 2]) {
    const padded = shift === 0 ? bytes : Buffer.concat([Buffer.alloc(shift), bytes]);
    const complete = padded.length - (padded.length % 3);
    const skip = shift === 0 ? 0 : shift + 1;
    const core = padded.subarray(0, complete).toString('base64').slice(skip);
    if (core.length >= MIN_BASE64_CORE) forms.add(core);
  }
  for (const form of [...forms]) forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
  return [...forms];
}
