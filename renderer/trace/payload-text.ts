/**
 * Pretty (indented) or raw (one line) JSON for a value; strings that hold JSON are parsed first.
 * Text that only looks like JSON, or JSON nested too deep to format, is shown as it is rather
 * than as "[object Object]".
 */
export function formatPayload(value: unknown, mode: 'pretty' | 'raw'): string {
  const parsed = typeof value === 'string' ? tryParseJson(value) : value;
  if (typeof parsed === 'string') return parsed;
  try {
    return JSON.stringify(parsed, null, mode === 'pretty' ? 2 : undefined) ?? String(parsed);
  } catch {
    return typeof value === 'string' ? value : '(This payload is nested too deeply to show here; the session file has it whole.)';
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
