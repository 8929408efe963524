/**
 * Local `$ref` resolution for the JSON Schemas MCP tools list (`inputSchema`, `outputSchema`;
 * JSON Schema 2020-12 by default, SEP-1613). Plain data, no Node: the CLI and the renderer's
 * tool form share it.
 *
 * Only references inside the same document are followed: `#` (the root), `#/a/b` (a JSON
 * pointer such as `#/$defs/Item` or `#/definitions/Item`, `~1` and `~0` unescaped, percent-
 * decoded) and `#name` (a `$anchor`). A network or file `$ref` is never fetched (SEP-2106,
 * "Security implications"): it is dropped and its sibling keywords are used as they are.
 */

/** A JSON Schema node as a tool lists it: any JSON object (keywords are read defensively). */
export type SchemaNode = Record<string, unknown>;

/** How many `$ref` hops one resolution follows: a reference cycle ends here instead of looping. */
export const MAX_REF_HOPS = 16;
/** How deep an `$anchor` is searched for. */
const MAX_ANCHOR_DEPTH = 32;

/**
 * Follows `$ref` while it points into the same document; keywords next to a `$ref` win over the
 * target's. Cycle-safe: after MAX_REF_HOPS hops the node is returned without its `$ref`.
 */
export function resolveLocal(schema: SchemaNode, root: SchemaNode): SchemaNode {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const { $ref: ref, ...siblings } = current as SchemaNode & { $ref: string };
    const target = hops < MAX_REF_HOPS && ref.startsWith('#') ? localTarget(ref, root) : undefined;
    current = target ? { ...target, ...siblings } : siblings;
  }
  return current;
}

function localTarget(ref: string, root: SchemaNode): SchemaNode | undefined {
  if (ref === '#') return root;
  if (ref.startsWith('#/')) {
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      const key = safeDecode(part).replaceAll('~1', '/').replaceAll('~0', '~');
      node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return isNode(node) ? node : undefined;
  }
  return findAnchor(root, ref.slice(1), 0);
}

function findAnchor(node: unknown, anchor: string, depth: number): SchemaNode | undefined {
  if (node === null || typeof node !== 'object' || depth > MAX_ANCHOR_DEPTH) return undefined;
  if (!Array.isArray(node) && (node as SchemaNode).$anchor === anchor) return node as SchemaNode;
  for (const child of Object.values(node)) {
    const found = findAnchor(child, anchor, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value as a schema node; anything else (absent, `true`, an array) as the empty schema. */
export function asNode(value: unknown): SchemaNode {
  return isNode(value) ? value : {};
}
