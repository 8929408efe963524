/**
 * The `--elicitation accept-defaults` answer to a form-mode `elicitation/create`
 * (2025: a server-to-client request; 2026-07-28: an `inputRequests` entry of an
 * `input_required` result, which the v2 client routes to the same handler).
 *
 * Shape (spec: client/elicitation, SEP-1034 defaults):
 *   in:  { message, requestedSchema: { type: 'object', properties: { [k]: { type, default?, enum? } }, required? } }
 *   out: { action: 'accept', content: { [k]: default } }
 * Every property with a `default` gets it (elicitation-sep1034-client-defaults checks string,
 * integer, number, enum and boolean defaults). A required property without one gets its first
 * `enum` value, else a value of its type, so the answer stays valid against the schema.
 */
const BY_TYPE = { string: '', integer: 0, number: 0, boolean: false, array: [] };

export function acceptDefaults(params) {
  const schema = params?.requestedSchema ?? {};
  const required = new Set(schema.required ?? []);
  const content = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) content[name] = property.default;
    else if (required.has(name)) content[name] = property.enum?.[0] ?? property.oneOf?.[0]?.const ?? BY_TYPE[property.type] ?? '';
  }
  return { action: 'accept', content };
}
