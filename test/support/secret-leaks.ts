/**
 * Finds a secret in text in any form a server could have echoed it in, written independently of
 * the Redactor (standard library encoders plus brute decoding), so the tests do not share its
 * blind spots. Returns a description of each leak found; an empty list means none.
 *
 * Looked for: the raw value; encodeURIComponent / URLSearchParams / lower-case-hex
 * percent-encodings; JSON.stringify escaping; and, after decoding the text (JSON escapes, percent
 * escapes, `+` as space, up to three nested layers), the value again; base64 / base64url of the
 * value and of `user:value`, also found by decoding every base64-looking run of the text; the
 * same for hex (either case), by decoding every hex-looking run.
 */
export function findLeaks(text: string, secrets: string[]): string[] {
  const leaks: string[] = [];
  const views = decodedViews(text);
  for (const secret of secrets) {
    for (const [name, form] of literalForms(secret)) if (form && text.includes(form)) leaks.push(`${name} of ${JSON.stringify(secret)}`);
    for (const view of views.slice(1)) {
      if (view.includes(secret) || view.includes(secret.replace(/\+/g, ' '))) {
        leaks.push(`${JSON.stringify(secret)} after decoding`);
        break;
      }
    }
    for (const view of views) {
      if (base64Runs(view).some((decoded) => decoded.includes(secret))) {
        leaks.push(`base64 of ${JSON.stringify(secret)}`);
        break;
      }
    }
    for (const view of views) {
      if (hexRuns(view).some((decoded) => decoded.includes(secret))) {
        leaks.push(`hex of ${JSON.stringify(secret)}`);
        break;
      }
    }
  }
  return [...new Set(leaks)];
}

/** Every form of `secret` the tests make servers echo, by name. */
export function literalForms(secret: string): Array<[string, string]> {
  const bytes = Buffer.from(secret, 'utf8');
  const basic = Buffer.from(`alice:${secret}`, 'utf8');
  return [
    ['raw', secret],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['lower-hex percent-encoding', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['form encoding', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['every byte percent-encoded', [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')],
    ['JSON escaping', JSON.stringify(secret).slice(1, -1)],
    ['JSON \\u escaping', jsonUnicodeEscaped(secret)],
    ['base64', bytes.toString('base64')],
    ['base64url', bytes.toString('base64url')],
    ['base64 of user:secret', basic.toString('base64')],
  ];
}

/** Every UTF-16 unit as `\uXXXX` (what Python's json.dumps does for non-ASCII, applied to all). */
export function jsonUnicodeEscaped(secret: string, lower = false): string {
  return [...secret]
    .flatMap((ch) => (ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)]))
    .map((code) => {
      const hex = code.toString(16).padStart(4, '0');
      return `\\u${lower ? hex : hex.toUpperCase()}`;
    })
    .join('');
}

function decodedViews(text: string): string[] {
  const views = [text];
  let current = text;
  for (let pass = 0; pass < 3; pass++) {
    const next = percentDecode(jsonUnescape(current));
    if (next === current) break;
    views.push(next);
    current = next;
  }
  return views;
}

function jsonUnescape(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|["\\/bfnrt])/g, (_m, e: string) =>
    e.startsWith('u') ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e]!,
  );
}

/** Runs of %XX decoded as UTF-8 wherever they are valid; `+` as a space. */
function percentDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The decoding of every run of 12 or more hex digits, from its first and its second digit. */
function hexRuns(text: string): string[] {
  const runs = text.match(/[0-9A-Fa-f]{12,}/g) ?? [];
  return runs.flatMap((run) => [0, 1].map((skip) => Buffer.from(run.slice(skip, skip + 2 * Math.floor((run.length - skip) / 2)), 'hex').toString('utf8')));
}

/** The decoding of every run that looks like base64 or base64url (8 characters or more), from each of its first 4 characters. */
function base64Runs(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? [];
  return runs.flatMap((run) => [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')));
}
