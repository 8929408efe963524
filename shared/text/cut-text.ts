/**
 * `text` cut to at most `max` characters, ending in "…" when cut. Cuts between characters (code
 * points), never inside one: an emoji is two UTF-16 units, and half of it draws as a broken glyph.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
