import { revealInvisible } from '../../shared/text/reveal-invisible';

/**
 * A short text the server chose (a tool's name, title or description, a resource URI, a problem
 * naming a schema key): characters that act instead of showing are written as their `\uXXXX`
 * escapes, and the text is isolated from its neighbours' direction (`<bdi>`), so a bidi override
 * in a name cannot reverse Periscope's own words around it.
 */
export function ServerText({ text }: { text: string }) {
  return <bdi>{revealInvisible(text)}</bdi>;
}
