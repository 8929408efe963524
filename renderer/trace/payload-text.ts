/** Pretty (indented) or raw (one line) JSON for a value; strings that hold JSON are parsed first. */
export function formatPayload(value: unknown, mode: 'pretty' | 'raw'): string {
  const parsed = typeof value === 'string' ? tryParseJson(value) : value;
  if (typeof parsed === 'string') return parsed;
  try {
    return JSON.stringify(parsed, null, mode === 'pretty' ? 2 : undefined) ?? String(parsed);
  } catch {
    return String(parsed);
  }
}

function tryParseJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
