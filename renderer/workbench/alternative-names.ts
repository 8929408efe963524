import { declaredTypes, type JsonType } from '../../shared/schema/effective-type';
import { asNode, isNode, resolveLocal, type SchemaNode } from '../../shared/schema/local-ref';

/**
 * What the tool form's select calls each alternative of an anyOf/oneOf. rjsf shows an
 * alternative's `title`, else "Option 1", "Option 2": a choice between words that say nothing
 * (most tool schemas title no alternative: Pydantic's `anyOf: [{type: string}, {type: null}]`).
 */

/** A generated name longer than this is cut with "…" (an author's title is kept whole). */
const MAX_NAME = 60;
/** A const or enum value shown longer than this is cut with "…". */
const MAX_VALUE = 30;
/** How deep a name looks into what an alternative holds (array of array of …). */
const MAX_DEPTH = 3;
/** Property names or enum values a name lists, and how many once names must tell alike ones apart. */
const LISTED = 3;
const LISTED_IN_DETAIL = 8;

/**
 * One name per alternative, in order: the author's `title` as written (also a `$ref` target's);
 * else what the alternative is, in the form's words: `string`, `integer`, `null`, `"fast"` (a
 * const), `"red" | "blue"` (an enum), `string (date-time)`, `object (name, age)`, `array of
 * string`, `Address` (a `$ref`'s last segment), `string or number` (a nested anyOf). No two read
 * the same: generated names that clash say more (a pattern, a range, properties with their
 * types), and any still alike get their position ("object #2"); a title is numbered only when
 * another title reads the same. `root` is the tool's inputSchema, against which local `$ref`s resolve.
 */
export function alternativeNames(alternatives: readonly unknown[], root: unknown): string[] {
  const rootNode = asNode(root);
  const titles = alternatives.map((alternative) => titleOf(alternative, rootNode));
  const short = alternatives.map((alternative, i) => titles[i] ?? nameOf(alternative, rootNode, 0, false));
  const names = short.map((name, i) => (titles[i] === undefined && repeated(short, name) ? nameOf(alternatives[i], rootNode, 0, true) : name));
  return names.map((name, i) => {
    if (!repeated(names, name)) return name;
    const clashesWithTitle = names.some((other, j) => j !== i && other === name && titles[j] !== undefined);
    return titles[i] === undefined || clashesWithTitle ? `${name} #${i + 1}` : name;
  });
}

function repeated(names: readonly string[], name: string): boolean {
  return names.indexOf(name) !== names.lastIndexOf(name);
}

/** The author's title of a schema (its own, else its `$ref` target's), when there is one. */
function titleOf(schema: unknown, root: SchemaNode): string | undefined {
  if (!isNode(schema)) return undefined;
  const { title } = resolveLocal(schema, root);
  return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}

function nameOf(schema: unknown, root: SchemaNode, depth: number, detail: boolean): string {
  return cut(describe(schema, root, depth, detail), MAX_NAME);
}

function describe(schema: unknown, root: SchemaNode, depth: number, detail: boolean): string {
  if (schema === false) return 'no value';
  if (!isNode(schema)) return 'any value';
  if (depth > MAX_DEPTH) return '…';
  // A part of an alternative (an array's items, a nested branch) goes by its title when it has one.
  const title = depth > 0 ? titleOf(schema, root) : undefined;
  if (title !== undefined) return title;
  if (typeof schema.$ref === 'string') return refName(schema, schema.$ref, root, depth, detail);
  if ('const' in schema) return valueText(schema.const);
  if (Array.isArray(schema.enum)) return valuesText(schema.enum, detail);
  const types: JsonType[] = declaredTypes(schema);
  if (types.length === 0) {
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches) && branches.length > 0) {
        const parts = branches.map((branch) => describe(branch, root, depth + 1, false));
        return distinct(parts).join(key === 'allOf' ? ' and ' : ' or ');
      }
    }
    const implied = impliedType(schema);
    if (implied) types.push(implied);
    else if (schema.not !== undefined) return `not ${describe(schema.not, root, depth + 1, false)}`;
    else return 'any value';
  }
  return distinct(types.map((type) => typeName(schema, type, root, depth, detail))).join(' or ');
}

/** The type keywords imply when `type` is not written: `properties` are an object's, `items` an array's. */
function impliedType(node: SchemaNode): JsonType | undefined {
  if (isNode(node.properties) || node.additionalProperties !== undefined || Array.isArray(node.required)) return 'object';
  if (node.items !== undefined || Array.isArray(node.prefixItems)) return 'array';
  if (typeof node.format === 'string' || typeof node.pattern === 'string' || node.minLength !== undefined || node.maxLength !== undefined) return 'string';
  if (node.minimum !== undefined || node.maximum !== undefined || node.multipleOf !== undefined) return 'number';
  return undefined;
}

/**
 * A `$ref` by its last segment (`#/$defs/Address` → "Address"), as the author named the
 * definition; the whole pointer when names must tell two apart; `#` (the root) by what it is.
 */
function refName(schema: SchemaNode, ref: string, root: SchemaNode, depth: number, detail: boolean): string {
  const segment = lastSegment(ref);
  if (segment !== '') return detail ? ref.replace(/^#\//, '') : segment;
  const { $ref: _ref, ...target } = resolveLocal(schema, root);
  return describe(target, root, depth + 1, detail);
}

function lastSegment(ref: string): string {
  const hash = ref.indexOf('#');
  const fragment = hash >= 0 ? ref.slice(hash + 1) : '';
  if (fragment.startsWith('/')) return unescapePointer(fragment.slice(fragment.lastIndexOf('/') + 1));
  if (fragment !== '') return fragment; // an $anchor
  const path = (hash >= 0 ? ref.slice(0, hash) : ref).replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

function unescapePointer(part: string): string {
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    // Not percent-encoded after all: the segment as written.
  }
  return decoded.replaceAll('~1', '/').replaceAll('~0', '~');
}

function typeName(node: SchemaNode, type: JsonType, root: SchemaNode, depth: number, detail: boolean): string {
  switch (type) {
    case 'string':
      return qualified('string', [text(node.format), detail && text(node.pattern) ? `pattern ${text(node.pattern)}` : undefined, detail ? bounds(node.minLength, node.maxLength, ' characters') : undefined]);
    case 'integer':
    case 'number':
      return qualified(type, [text(node.format), detail ? range(node) : undefined, detail && typeof node.multipleOf === 'number' ? `multiple of ${node.multipleOf}` : undefined]);
    case 'object':
      return objectName(node, root, depth, detail);
    case 'array':
      return arrayName(node, root, depth, detail);
    default:
      return type;
  }
}

function objectName(node: SchemaNode, root: SchemaNode, depth: number, detail: boolean): string {
  const properties = Object.entries(asNode(node.properties));
  if (properties.length > 0) {
    // Told apart from a like object: each property with its type, "object (id: string)" and "object (id: integer)".
    const shown = properties.map(([name, property]) => (detail ? `${name}: ${describe(property, root, depth + 1, false)}` : name));
    return `object (${listed(shown, detail ? LISTED_IN_DETAIL : LISTED).join(', ')})`;
  }
  if (isNode(node.additionalProperties)) return `map of ${describe(node.additionalProperties, root, depth + 1, false)}`;
  const required = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : [];
  return detail && required.length > 0 ? `object (${listed(required, LISTED_IN_DETAIL).join(', ')})` : 'object';
}

function arrayName(node: SchemaNode, root: SchemaNode, depth: number, detail: boolean): string {
  const count = detail ? bounds(node.minItems, node.maxItems, ' items') : undefined;
  if (Array.isArray(node.prefixItems) && node.prefixItems.length > 0) {
    const parts = node.prefixItems.map((item) => describe(item, root, depth + 1, false));
    return qualified(`array (${listed(parts, LISTED).join(', ')})`, [count]);
  }
  if (Array.isArray(node.items) && node.items.length > 0) {
    // draft-07's tuple form
    const parts = node.items.map((item) => describe(item, root, depth + 1, false));
    return qualified(`array (${listed(parts, LISTED).join(', ')})`, [count]);
  }
  if (isNode(node.items) && Object.keys(node.items).length > 0) return qualified(`array of ${describe(node.items, root, depth + 1, false)}`, [count]);
  return qualified('array', [count]);
}

/** "string (date-time, pattern ^\d+$)": the qualifiers there are, in brackets. */
function qualified(name: string, qualifiers: Array<string | false | undefined>): string {
  const present = qualifiers.filter((q): q is string => typeof q === 'string' && q !== '');
  return present.length > 0 ? `${name} (${present.join(', ')})` : name;
}

function range(node: SchemaNode): string | undefined {
  const low = numberOr(node.minimum);
  const high = numberOr(node.maximum);
  const parts: string[] = [];
  if (low !== undefined && high !== undefined) parts.push(`${low} to ${high}`);
  else if (low !== undefined) parts.push(`≥ ${low}`);
  else if (high !== undefined) parts.push(`≤ ${high}`);
  const above = numberOr(node.exclusiveMinimum);
  const below = numberOr(node.exclusiveMaximum);
  if (above !== undefined) parts.push(`> ${above}`);
  if (below !== undefined) parts.push(`< ${below}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function bounds(min: unknown, max: unknown, noun: string): string | undefined {
  const low = numberOr(min);
  const high = numberOr(max);
  if (low !== undefined && high !== undefined) return low === high ? `${low}${noun}` : `${low} to ${high}${noun}`;
  if (low !== undefined) return `≥ ${low}${noun}`;
  if (high !== undefined) return `≤ ${high}${noun}`;
  return undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A const as JSON, so `"null"` (a string) never reads as `null`, nor `"string"` as the type. */
function valueText(value: unknown): string {
  return cut(JSON.stringify(value) ?? String(value), MAX_VALUE);
}

function valuesText(values: unknown[], detail: boolean): string {
  if (values.length === 0) return 'no value';
  return listed(values.map(valueText), detail ? LISTED_IN_DETAIL : LISTED, ` (${values.length} values)`).join(' | ');
}

/** The first `count` items, and "…" (with `more` after it) when there were others. */
function listed(items: string[], count: number, more = ''): string[] {
  return items.length > count ? [...items.slice(0, count), `…${more}`] : items;
}

function distinct(parts: string[]): string[] {
  return [...new Set(parts)];
}

function cut(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
