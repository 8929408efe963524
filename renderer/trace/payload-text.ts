/** Above this many characters a payload is cut, so a 10 MB result cannot freeze the window. */
export const PAYLOAD_DISPLAY_LIMIT = 50_000;

export interface PayloadText {
  text: string;
  truncated: boolean;
  fullLength: number;
}

/**
 * Pretty (indented) or raw (one line) JSON for a value; strings that hold JSON are parsed first.
 * Text that only looks like JSON (the first part of a cut payload), or JSON nested too deep to
 * format, is shown as it is rather than as "[object Object]".
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

export function limitText(text: string, showAll: boolean, limit = PAYLOAD_DISPLAY_LIMIT): PayloadText {
  if (showAll || text.length <= limit) return { text, truncated: false, fullLength: text.length };
  return { text: text.slice(0, limit), truncated: true, fullLength: text.length };
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
