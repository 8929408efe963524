import { parseTemplate } from 'url-template';

/**
 * A resource template's variables, in order, without duplicates: `weather://{city}/{day}` gives
 * ['city', 'day']. Operators (`{+path}`, `{?q,lang}`), explode (`*`) and prefixes (`:3`) are
 * stripped to the name (RFC 6570 section 2.3), so every variable gets one plain field.
 */
export function templateVariables(uriTemplate: string): string[] {
  const names: string[] = [];
  for (const [, body] of uriTemplate.matchAll(/\{([^}]*)\}/g)) {
    for (const spec of body.replace(/^[+#./;?&]/, '').split(',')) {
      const name = spec.replace(/\*$/, '').replace(/:\d+$/, '').trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The URI a template gives with these values (RFC 6570 expansion by `url-template`, which
 * percent-encodes each value as its operator requires: `{city}` with "São Paulo" gives
 * `S%C3%A3o%20Paulo`). An empty value expands to nothing, as an undefined variable does.
 */
export function expandTemplate(uriTemplate: string, values: Record<string, string>): string {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  return parseTemplate(uriTemplate).expand(defined);
}
