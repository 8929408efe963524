/**
 * Arguments for a `tools/call`, built from the tool's `inputSchema` (JSON Schema, as listed by
 * `tools/list`), the way the conformance contract asks of a client under test.
 *
 * Order of precedence:
 * 1. `MCP_CONFORMANCE_CONTEXT.toolCalls[]` (`{ name, arguments }`): the suite's own arguments,
 *    used verbatim (http-custom-headers sends values that need Base64 header encoding and a
 *    `null` that must not be mirrored; a schema cannot produce those).
 * 2. json-schema-2020-12-preservation: `json_schema_echo` gets `{ schema: <the inputSchema listed
 *    for json_schema_2020_12_tool, untouched> }`, so the suite can see which keywords survived.
 * 3. Otherwise every `required` property gets a sample value: `default`, `const`, `enum[0]`,
 *    `examples[0]`, else one per `type` (string "example", integer/number 1, boolean true, object
 *    built the same way, array []). `$ref` is followed only inside the same document (`#/...`):
 *    SEP-2106 forbids fetching network `$ref`s, and json-schema-ref-no-deref checks exactly that.
 */

const SAMPLE_BY_TYPE = { string: 'example', integer: 1, number: 1, boolean: true, array: [], null: null };

/** @returns {Record<string, unknown>} */
export function argumentsFor(tool, tools, { scenario, context }) {
  const given = context?.toolCalls?.find((call) => call.name === tool.name);
  if (given) return given.arguments ?? {};
  if (scenario === 'json-schema-2020-12-preservation' && tool.name === 'json_schema_echo') {
    return { schema: tools.find((other) => other.name === 'json_schema_2020_12_tool')?.inputSchema ?? {} };
  }
  return objectSample(tool.inputSchema ?? {}, tool.inputSchema ?? {}, 0);
}

function objectSample(schema, root, depth) {
  const resolved = resolveLocal(schema, root);
  const out = {};
  for (const name of resolved.required ?? []) out[name] = sample(resolved.properties?.[name] ?? {}, root, depth + 1);
  return out;
}

function sample(schema, root, depth) {
  const resolved = resolveLocal(schema, root);
  for (const key of ['default', 'const']) if (key in resolved) return resolved[key];
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0];
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return resolved.examples[0];
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== 'null') ?? 'null' : resolved.type;
  if (type === 'object' || (type === undefined && resolved.properties)) return depth > 8 ? {} : objectSample(resolved, root, depth);
  return type in SAMPLE_BY_TYPE ? SAMPLE_BY_TYPE[type] : 'example';
}

/** Follows `#/a/b` pointers within `root`; any other `$ref` (a network URI) is left unresolved. */
function resolveLocal(schema, root) {
  let current = schema;
  for (let hops = 0; typeof current?.$ref === 'string' && current.$ref.startsWith('#/') && hops < 16; hops++) {
    const path = current.$ref.slice(2).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
    current = path.reduce((node, part) => node?.[part], root) ?? {};
  }
  return current ?? {};
}
