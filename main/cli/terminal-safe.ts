/**
 * Terminal safety for everything the CLI prints. Servers choose much of that text (tool and
 * prompt descriptions, results, error messages, server names, stderr lines of stdio servers,
 * remote names from imported files), and a terminal obeys what it reads: ESC sequences recolour,
 * move the cursor, rewrite the title, set hyperlinks (OSC 8) or write the clipboard (OSC 52);
 * a lone CR overwrites the line; bidi overrides make text read differently than it is stored;
 * Unicode tag characters carry invisible ASCII.
 *
 * Each such character is replaced (shared/text/reveal-invisible.ts, the same as the app's) by its JSON escape, `\uXXXX` (`\x1b[31m` prints as
 * `\u001b[31m`), so the developer sees what the server sent and the terminal obeys none of it.
 * The same replacement keeps `--json` output exact: JSON.stringify already escapes C0 controls,
 * and inside a JSON string `\u202e` is the very same character, so JSON.parse of the printed
 * text gives the value the server sent, unchanged.
 *
 * Neutralised (code points):
 * - C0 controls U+0000–U+001F except TAB and LF (a CR is kept only as part of CRLF), DEL U+007F,
 *   C1 controls U+0080–U+009F (U+009B is a one-character CSI, U+009D an OSC on some terminals);
 * - bidi controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069;
 * - U+2028 and U+2029 (line and paragraph separators some terminals break lines on);
 * - invisible characters without a rendering: U+200B, U+2060, U+FEFF, U+FFF9–U+FFFB, and the tag
 *   characters U+E0000–U+E007F (written as their UTF-16 pair, e.g. `\udb40\udc41`).
 * Zero-width joiners (U+200C, U+200D) stay: emoji sequences and several scripts need them.
 */

import { revealInvisible } from '../../shared/text/reveal-invisible';

/** `text` with every unsafe character written as its `\uXXXX` escape (see above). */
export function terminalSafe(text: string): string {
  return revealInvisible(text);
}
