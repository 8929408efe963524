/** RFC 3986 section 3.1: a scheme is a letter, then letters, digits, "+", "-" or ".", ended by a colon. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

const EXAMPLE = 'file:///home/me/notes.md';

export type ResourceUriCheck = { ok: true; uri: string } | { ok: false; problem: string };

/**
 * Checks what was typed in the Resource URI field before anything is sent: it must be there and
 * start with a scheme. Nothing more is asked of it, since reproducing a server's odd answer to an
 * odd URI is the point; only the whitespace around it goes, as no URI holds any there (RFC 3986
 * appendix C) and a paste often brings some.
 */
export function checkResourceUri(typed: string, action: 'read' | 'subscribe'): ResourceUriCheck {
  const uri = typed.trim();
  if (uri === '') return { ok: false, problem: `Enter a resource URI to ${action === 'read' ? 'read' : 'subscribe to'}, such as ${EXAMPLE}.` };
  if (!SCHEME.test(uri)) return { ok: false, problem: `Not a URI: it has no scheme. Start with one and a colon, as in ${EXAMPLE} or https://example.com/data.json.` };
  return { ok: true, uri };
}
