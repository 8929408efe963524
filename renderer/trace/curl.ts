import type { HttpEntry } from '../../shared/model/trace';

/** What main's redactor writes in place of a secret (main/core/capture/redaction.ts). */
export const REDACTED_MARK = '[redacted]';

/** Headers curl computes itself; copying them would only make the command wrong. */
const SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding', 'accept-encoding']);

export interface CurlCommand {
  command: string;
  /** Shell variables the user must set, e.g. AUTHORIZATION, because their values were never recorded. */
  placeholders: string[];
}

/**
 * Rebuilds an HTTP exchange as a cURL command. Secrets were redacted before the entry existed, so
 * each redacted value becomes a shell variable named after its header ($AUTHORIZATION,
 * $X_API_KEY); redacted text in the body becomes $SECRET. The command is POSIX-shell quoted.
 */
export function buildCurlCommand(entry: HttpEntry): CurlCommand {
  const placeholders: string[] = [];
  const parts: string[] = ['curl'];
  if (entry.method.toUpperCase() !== 'GET') parts.push('-X', shellQuote(entry.method.toUpperCase()));
  const accept = headerValue(entry.requestHeaders, 'accept') ?? '';
  if (entry.streaming || accept.includes('text/event-stream')) parts.push('-N');

  for (const [name, value] of Object.entries(entry.requestHeaders)) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    const variable = variableName(name);
    parts.push('-H', quoteWithPlaceholder(`${name}: ${value}`, variable, placeholders));
  }
  if (entry.requestBody !== undefined && entry.requestBody !== '') {
    parts.push('--data-raw', quoteWithPlaceholder(entry.requestBody, 'SECRET', placeholders));
  }
  parts.push(quoteWithPlaceholder(entry.url, 'SECRET', placeholders));

  const command = parts.join(' ');
  if (placeholders.length === 0) return { command, placeholders };
  const note = `# Set ${placeholders.join(', ')} first: secret values are never recorded.`;
  return { command: `${note}\n${command}`, placeholders };
}

/** AUTHORIZATION for Authorization, X_API_KEY for X-Api-Key. */
export function variableName(headerName: string): string {
  const name = headerName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(name) ? `H_${name}` : name || 'SECRET';
}

function quoteWithPlaceholder(text: string, variable: string, placeholders: string[]): string {
  if (!text.includes(REDACTED_MARK)) return shellQuote(text);
  if (!placeholders.includes(variable)) placeholders.push(variable);
  // Double quotes so the shell expands the variable; everything else is escaped literally.
  const literal = text.split(REDACTED_MARK).map((piece) => piece.replace(/["\\$`]/g, '\\$&'));
  let out = literal[0];
  for (let i = 1; i < literal.length; i++) {
    // $NAME reads best; braces only when the next character would extend the name.
    out += /^[A-Za-z0-9_]/.test(literal[i]) ? `\${${variable}}` : `$${variable}`;
    out += literal[i];
  }
  return `"${out}"`;
}

/** Single-quoted POSIX shell word: safe for any content. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_\-./:=@,+]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}
