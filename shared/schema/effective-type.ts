import { asNode, isNode, resolveLocal, type SchemaNode } from './local-ref';

/**
 * The effective type of a JSON Schema node: which JSON types (and, when listed, which values) a
 * value may have, read through everything real-world tool schemas use to say it:
 * - `type`, a name or a list (`["integer", "null"]`), and OpenAPI's `nullable: true`;
 * - `enum` and `const`, whose values give their types (7 is an integer, 7.5 a number);
 * - local `$ref` (`#/$defs/...`, `#/definitions/...`, `#anchor`; see local-ref.ts);
 * - `anyOf` and `oneOf` (the union of their branches), `allOf` (the intersection).
 * `not`, `if`/`then`/`else` and keywords such as `properties` do not narrow the type here.
 *
 * JSON Schema's words: `integer` is the subset of `number` with no fraction, so number ∩ integer
 * is integer, and a union holding both is just number. Used by the CLI for key=value typing, the
 * `tools` listing and exercise's argument builder, and by the app's tool form.
 */

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** The order types are listed (and tried by key=value typing: see main/cli/tool-arguments.ts). */
export const JSON_TYPES: readonly JsonType[] = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];

export interface EffectiveType {
  /** The JSON types a value may have, in JSON_TYPES order; undefined when unconstrained (any). Empty: no value fits. */
  types?: JsonType[];
  /** The only values allowed (from `enum` / `const`, through unions); undefined when any value of the types may do. */
  values?: unknown[];
}

/** How deep `anyOf`/`oneOf`/`allOf` nesting is followed; deeper parts count as unconstrained. */
const MAX_DEPTH = 16;

interface Constraint {
  types?: Set<JsonType>;
  values?: unknown[];
}

const ANY: Constraint = {};

/** The effective type of `schema`, whose local `$ref`s resolve against `root` (the tool's inputSchema). */
export function effectiveType(schema: unknown, root: unknown = schema): EffectiveType {
  const found = constraintOf(schema, asNode(root), 0);
  const out: EffectiveType = {};
  if (found.types) out.types = JSON_TYPES.filter((t) => found.types!.has(t));
  if (found.values) out.values = found.values;
  return out;
}

/**
 * The types a node's own `type` keyword (and `nullable`) declares, in the order written;
 * unknown names are ignored, so `{"type": "foo"}` declares nothing. Exercise's sampler uses it.
 */
export function declaredTypes(node: SchemaNode): JsonType[] {
  const raw = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  const types = raw.filter((t): t is JsonType => typeof t === 'string' && (JSON_TYPES as readonly string[]).includes(t));
  if (types.length > 0 && node.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

/** The JSON type of a value: 7 → integer, 7.5 → number, [] → array, null → null. */
export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** Does `value` have one of `types`? An integer is a number too. */
export function fitsTypes(value: unknown, types: readonly JsonType[]): boolean {
  const type = jsonTypeOf(value);
  return type !== undefined && (types.includes(type) || (type === 'integer' && types.includes('number')));
}

/**
 * "integer|null", or the listed values when there are few ("fast"|"slow"), or "any". For the
 * `tools` listing and form labels.
 */
export function describeEffectiveType(type: EffectiveType): string {
  if (type.values && type.values.length > 0 && type.values.length <= 6) return type.values.map((v) => JSON.stringify(v)).join('|');
  if (!type.types) return 'any';
  return type.types.length > 0 ? type.types.join('|') : 'nothing (the schema allows no value)';
}

function constraintOf(schema: unknown, root: SchemaNode, depth: number): Constraint {
  if (schema === false) return { types: new Set() };
  if (!isNode(schema) || depth > MAX_DEPTH) return ANY;
  const node = resolveLocal(schema, root);
  let result = ANY;
  const declared = declaredTypes(node);
  if (declared.length > 0) result = { types: new Set(declared) };
  if ('const' in node) result = intersect(result, listed([node.const]));
  if (Array.isArray(node.enum)) result = intersect(result, listed(node.enum));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.length > 0) {
      result = intersect(result, branches.map((b) => constraintOf(b, root, depth + 1)).reduce(union));
    }
  }
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf) result = intersect(result, constraintOf(part, root, depth + 1));
  }
  // `nullable: true` next to anyOf/enum (OpenAPI 3.0 style) widens whatever they allowed.
  if (node.nullable === true && result.types && declared.length === 0) result = union(result, { types: new Set(['null']), values: [null] });
  return result;
}

function listed(values: unknown[]): Constraint {
  const types = new Set<JsonType>();
  for (const value of values) {
    const type = jsonTypeOf(value);
    if (type) types.add(type);
  }
  return { types, values };
}

function union(a: Constraint, b: Constraint): Constraint {
  if (!a.types || !b.types) return ANY;
  const types = new Set([...a.types, ...b.types]);
  if (types.has('number')) types.delete('integer');
  return a.values && b.values ? { types, values: [...a.values, ...b.values] } : { types };
}

function intersect(a: Constraint, b: Constraint): Constraint {
  const types = !a.types ? b.types : !b.types ? a.types : intersectTypes(a.types, b.types);
  let values = a.values && b.values ? a.values.filter((v) => b.values!.some((w) => sameValue(v, w))) : (a.values ?? b.values);
  if (!values) return types ? { types } : ANY;
  if (types) values = values.filter((v) => fitsTypes(v, [...types]));
  // Listed values narrow the types to their own: {"type": "number", "enum": [1, 2]} is integer.
  return { types: new Set(values.map((v) => jsonTypeOf(v)!)), values };
}

function intersectTypes(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if ((t === 'integer' && b.has('number')) || (t === 'number' && b.has('integer'))) out.add('integer');
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The schema of one property of a tool's inputSchema: from `properties` (also inside a
 * top-level `$ref` or `allOf`), else the first matching `patternProperties`, else
 * `additionalProperties` when it is a schema or `false` (no such property allowed). Undefined
 * when the schema says nothing about that name (any value).
 */
export function propertySchema(inputSchema: unknown, name: string): SchemaNode | boolean | undefined {
  const root = asNode(inputSchema);
  const node = resolveLocal(root, root);
  const declared = declaredProperty(node, root, name, 0);
  if (declared !== undefined) return declared;
  for (const [pattern, property] of Object.entries(asNode(node.patternProperties))) {
    if (matches(pattern, name) && (isNode(property) || typeof property === 'boolean')) return property;
  }
  const additional = node.additionalProperties;
  return isNode(additional) || additional === false ? additional : undefined;
}

/** The names `properties` declares (also inside a top-level `$ref` or `allOf`). */
export function declaredPropertyNames(inputSchema: unknown): string[] {
  const root = asNode(inputSchema);
  const names = new Set<string>();
  const walk = (schema: SchemaNode, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const node = resolveLocal(schema, root);
    for (const name of Object.keys(asNode(node.properties))) names.add(name);
    for (const part of Array.isArray(node.allOf) ? node.allOf : []) if (isNode(part)) walk(part, depth + 1);
  };
  walk(root, 0);
  return [...names];
}

function declaredProperty(node: SchemaNode, root: SchemaNode, name: string, depth: number): SchemaNode | boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const properties = asNode(node.properties);
  if (Object.prototype.hasOwnProperty.call(properties, name)) {
    const property = properties[name];
    if (typeof property === 'boolean' || isNode(property)) return property;
  }
  for (const part of Array.isArray(node.allOf) ? node.allOf : []) {
    const found = isNode(part) ? declaredProperty(resolveLocal(part, root), root, name, depth + 1) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}
