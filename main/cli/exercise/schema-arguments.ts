/**
 * Sample arguments for a `tools/call`, built from the tool's `inputSchema` (JSON Schema 2020-12,
 * the dialect MCP tool schemas use by default; SEP-1613) so that `periscope exercise` can call a
 * tool nobody described to it.
 *
 * Every `required` property gets a value, in this order: its `default`, its `const`, its first
 * `enum` value, else a plain value of its `type` (see `typedSample`). Optional properties are
 * left out. `$ref` is followed only inside the same document (`#`, `#/json/pointer`, `#anchor`):
 * a network `$ref` is never fetched (SEP-2106, "Security implications"), its siblings are used
 * as they are (shared/schema/local-ref.ts, shared with key=value typing and the `tools`
 * listing). Recursion stops at MAX_DEPTH (a self-referencing schema gets `{}` / `[]` there).
 */
import { declaredTypes, effectiveType } from '../../../shared/schema/effective-type';
import { asNode, resolveLocal, type SchemaNode } from '../../../shared/schema/local-ref';
import { setOwn } from '../../../shared/json/own-property';

export type { SchemaNode } from '../../../shared/schema/local-ref';

/**
 * A hook that may supply a property's value before the schema rules run (e.g. the schema-echo
 * rule of `exercise`); `undefined` means "no opinion".
 */
export type PropertyOverride = (name: string, property: SchemaNode) => unknown;

const MAX_DEPTH = 8;

/** The arguments object for one tool: its required properties, each with a sample value. */
export function argumentsFromSchema(inputSchema: unknown, override?: PropertyOverride): Record<string, unknown> {
  const root = asNode(inputSchema);
  return objectSample(root, root, 0, override);
}

function objectSample(schema: SchemaNode, root: SchemaNode, depth: number, override?: PropertyOverride): Record<string, unknown> {
  const node = merged(resolveLocal(schema, root), root);
  const properties = asNode(node.properties);
  const out: Record<string, unknown> = {};
  for (const name of stringList(node.required)) {
    const property = resolveLocal(asNode(properties[name]), root);
    const given = override?.(name, property);
    setOwn(out, name, given !== undefined ? given : sample(property, root, depth + 1));
  }
  return out;
}

/** A value for one schema: default, const, enum[0], the first usable anyOf/oneOf branch, else by type. */
export function sample(schema: SchemaNode, root: SchemaNode, depth = 0): unknown {
  const node = merged(resolveLocal(schema, root), root);
  if ('default' in node) return node.default;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  const branches = [node.anyOf, node.oneOf].find((b): b is unknown[] => Array.isArray(b) && b.length > 0);
  if (branches && node.type === undefined) {
    // The first branch that allows more than null (a branch of unknown type counts as usable).
    const usable = branches.map(asNode).find((b) => effectiveType(b, root).types?.some((t) => t !== 'null') ?? true) ?? asNode(branches[0]);
    return sample(usable, root, depth + 1);
  }
  return typedSample(node, root, depth);
}

/**
 * A plain value of the schema's type: string "example" (or a value fitting its `format`,
 * padded to `minLength`), integer/number at `minimum` (else 1), boolean false, null, an object of
 * its required properties, an array of `minItems` sample items. A union type takes its first
 * non-null member; no type at all gives an object when properties are listed, else "example".
 */
function typedSample(node: SchemaNode, root: SchemaNode, depth: number): unknown {
  const types: string[] = declaredTypes(node);
  const type = types.find((t) => t !== 'null') ?? types[0] ?? (node.properties || node.required ? 'object' : undefined);
  switch (type) {
    case 'object':
      return depth > MAX_DEPTH ? {} : objectSample(node, root, depth);
    case 'array': {
      const count = typeof node.minItems === 'number' ? Math.min(node.minItems, 16) : 0;
      if (depth > MAX_DEPTH || count === 0) return [];
      return Array.from({ length: count }, () => sample(asNode(node.items), root, depth + 1));
    }
    case 'integer':
    case 'number':
      return numberSample(node, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return stringSample(node);
  }
}

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  date: '2025-01-01',
  'date-time': '2025-01-01T00:00:00Z',
  time: '00:00:00Z',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

function stringSample(node: SchemaNode): string {
  const base = (typeof node.format === 'string' && FORMAT_SAMPLES[node.format]) || 'example';
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const padded = base.length >= min ? base : base.padEnd(min, 'x');
  return typeof node.maxLength === 'number' && padded.length > node.maxLength ? padded.slice(0, Math.max(0, node.maxLength)) : padded;
}

function numberSample(node: SchemaNode, integer: boolean): number {
  let value = 1;
  if (typeof node.minimum === 'number') value = node.minimum;
  else if (typeof node.exclusiveMinimum === 'number') value = node.exclusiveMinimum + (integer ? 1 : 0.5);
  else if (typeof node.maximum === 'number' && node.maximum < value) value = node.maximum;
  else if (typeof node.exclusiveMaximum === 'number' && node.exclusiveMaximum <= value) value = node.exclusiveMaximum - 1;
  return integer ? Math.ceil(value) : value;
}

/** `allOf` parts folded into one node (their properties and required lists joined). */
function merged(node: SchemaNode, root: SchemaNode): SchemaNode {
  if (!Array.isArray(node.allOf) || node.allOf.length === 0) return node;
  const { allOf, ...own } = node;
  const parts = (allOf as unknown[]).map((part) => merged(resolveLocal(asNode(part), root), root));
  const out: SchemaNode = { ...Object.assign({}, ...parts), ...own };
  out.properties = Object.assign({}, ...parts.map((p) => asNode(p.properties)), asNode(own.properties));
  const required = [...new Set([...parts.flatMap((p) => stringList(p.required)), ...stringList(own.required)])];
  if (required.length > 0) out.required = required;
  return out;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
