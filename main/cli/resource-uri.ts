import { expandTemplate, templateVariables } from '../../shared/uri/uri-template';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { splitPair } from './tool-arguments';

/**
 * The URI `periscope read` reads: the URI as given, or a resource template (MCP
 * server/resources, Resource Templates; RFC 6570) expanded with `name=value` pairs by the same
 * expansion the app's template form uses (values percent-encoded). Refused with `invalid-input`
 * (exit 11), before connecting: pairs after a plain URI, a name the template does not have, or a
 * path variable left without a value (query variables, `{?q}`, may be left out).
 */
export function resourceUri(uriOrTemplate: string, pairs: string[]): string {
  const variables = templateVariables(uriOrTemplate);
  if (variables.length === 0) {
    if (pairs.length === 0) return uriOrTemplate;
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `${uriOrTemplate} is a plain URI, not a resource template, so ${pairs.join(' ')} has nothing to fill in.`,
      hint: "Give a template with {variables}, e.g. 'playground://items/{id}' id=2 (quote it for the shell), or leave the values out.",
    });
  }
  const values: Record<string, string> = {};
  for (const [name, value] of pairs.map(splitPair)) {
    if (!variables.includes(name)) {
      throw new PeriscopeError({
        kind: 'invalid-input',
        message: `The template ${uriOrTemplate} has no variable "${name}".`,
        hint: `Its variables: ${variables.join(', ')}.`,
        detail: { template: uriOrTemplate, variables },
      });
    }
    values[name] = value;
  }
  // Query variables ({?q,lang}, {&page}) may be left out: they then vanish from the URI.
  const optional = [...uriOrTemplate.matchAll(/\{[?&]([^}]*)\}/g)].flatMap(([, body]) => templateVariables(`{${body}}`));
  const missing = variables.filter((v) => !(v in values) && !optional.includes(v));
  if (missing.length > 0) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `The template ${uriOrTemplate} needs a value for ${missing.join(', ')}.`,
      hint: `Add them as name=value, e.g. ${missing.map((m) => `${m}=…`).join(' ')}; \`periscope complete <server> resource '${uriOrTemplate}' ${missing[0]}=\` suggests values.`,
      detail: { template: uriOrTemplate, missing },
    });
  }
  return expandTemplate(uriOrTemplate, values);
}
