/**
 * Characters a server can send that act instead of showing, written where a person reads them.
 * A terminal obeys them (ESC sequences recolour, move the cursor, rewrite the title, set
 * hyperlinks with OSC 8 or write the clipboard with OSC 52; a lone CR overwrites the line), and
 * any display is fooled by some: bidi overrides make text read differently than it is stored
 * ("rtl\u202eevil" reads as "rtllive"), Unicode tag characters carry invisible ASCII.
 *
 * Each such character is replaced by its JSON escape, `\uXXXX` (`\x1b[31m` shows as
 * `\u001b[31m`), so the developer sees what the server sent and nothing obeys it. Inside a JSON
 * string `\u202e` is the very same character, so JSON text stays exact.
 *
 * Revealed (code points):
 * - C0 controls U+0000–U+001F except TAB and LF (a CR is kept only as part of CRLF), DEL U+007F,
 *   C1 controls U+0080–U+009F (U+009B is a one-character CSI, U+009D an OSC on some terminals);
 * - bidi controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069;
 * - U+2028 and U+2029 (line and paragraph separators);
 * - invisible characters without a rendering: U+200B, U+2060, U+FEFF, U+FFF9–U+FFFB, and the tag
 *   characters U+E0000–U+E007F (written as their UTF-16 pair, e.g. `\udb40\udc41`).
 * Zero-width joiners (U+200C, U+200D) stay: emoji sequences and several scripts need them.
 */


// Matching control characters is this pattern's whole purpose.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufff9-\ufffb]|\r(?!\n)|\udb40[\udc00-\udc7f]/g;

/** `text` with every character above written as its `\uXXXX` escape; the same string when there is none. */
export function revealInvisible(text: string): string {
  return text.replace(UNSAFE, (match) => [...match].map(escapeUnits).join(''));
}

function escapeUnits(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i++) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
