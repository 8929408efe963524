import { cutText } from '../../shared/text/cut-text';
import { revealInvisible } from '../../shared/text/reveal-invisible';

/**
 * A short text the server chose (a tool's name, title or description, a resource URI, a problem
 * naming a schema key): characters that act instead of showing are written as their `\uXXXX`
 * escapes, and the text is isolated from its neighbours' direction (`<bdi>`), so a bidi override
 * in a name cannot reverse Periscope's own words around it. `max`: the most characters shown (the
 * escapes counted, a character never cut in two), with "…" when cut.
 */
export function ServerText({ text, max }: { text: string; max?: number }) {
  return <bdi>{shownServerText(text, max)}</bdi>;
}

/** The text ServerText shows. */
function shownServerText(text: string, max?: number): string {
  const shown = revealInvisible(text);
  return max === undefined ? shown : cutText(shown, max);
}
