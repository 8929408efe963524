/**
 * What a URL-mode elicitation asks the user to open, in the parts that matter for consent
 * (MCP client/elicitation, "URL mode": show the full URL and the domain before opening). The
 * host is given as the browser will resolve it: an internationalised name in its punycode form
 * (`xn--…`), so a look-alike cannot pass as a familiar name.
 */
export interface UrlParts {
  /** The URL exactly as the server sent it. */
  raw: string;
  /** The hostname as the browser resolves it (punycode for non-ASCII names); undefined when it does not parse. */
  host?: string;
  /** The host the server wrote had non-ASCII characters (shown escaped in `rawEscaped`). */
  unicodeHost: boolean;
  /** `raw` with every character outside printable ASCII written as \u{…}. */
  rawEscaped: string;
  /** Only http(s) URLs are opened (the app refuses other schemes). */
  openable: boolean;
  /** Why the URL needs a second look: credentials in it, a raw IP address, odd characters. */
  warnings: string[];
}

export function urlParts(raw: string): UrlParts {
  const rawEscaped = escapeOdd(raw);
  const odd = rawEscaped !== raw;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const warnings: string[] = [];
  if (!url) return { raw, unicodeHost: false, rawEscaped, openable: false, warnings: ['This is not a valid URL; it cannot be opened.'] };
  const unicodeHost = url.hostname.startsWith('xn--') || url.hostname.includes('.xn--');
  if (unicodeHost) warnings.push(`The host uses non-ASCII letters; the browser will go to ${url.hostname}.`);
  else if (odd) warnings.push('The URL contains characters outside plain ASCII (shown escaped below).');
  if (url.username || url.password) warnings.push('The URL carries a user name or password; the app will not open it.');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.startsWith('[')) warnings.push('The host is a raw IP address, not a name.');
  const openable = (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  if (!openable && !url.username && !url.password) warnings.push(`Only http and https addresses are opened; this one is ${url.protocol.replace(/:$/, '')}.`);
  if (url.protocol === 'http:') warnings.push('The address is plain http: what you type there is not encrypted.');
  return { raw, host: url.hostname, unicodeHost, rawEscaped, openable, warnings };
}

/** Every character outside printable ASCII, written as \u{hex}: spaces, controls, bidi marks, look-alikes. */
export function escapeOdd(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code > 0x20 && code < 0x7f ? ch : `\\u{${code.toString(16)}}`;
  }
  return out;
}
