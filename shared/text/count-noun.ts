/**
 * A count with its noun in the right number, grouped the way the app writes figures:
 * `countNoun(1, 'request')` → "1 request", `countNoun(1200, 'entry', 'entries')` → "1,200 entries".
 */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
