import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/**
 * An elicitation's requestedSchema made ready for the form (MCP client/elicitation, "Requested
 * Schema"; 2025-11-25 enum schemas, SEP-1330). The spec restricts it to a flat object whose
 * properties are primitives: string (with format), number, integer, boolean, and enums:
 * - single-select, untitled: `{ type: 'string', enum: [...] }`;
 * - single-select, titled: `{ type: 'string', oneOf: [{ const, title }] }`;
 * - multi-select: `{ type: 'array', items: { type: 'string', enum } | { anyOf: [{ const, title }] } }`;
 * - legacy titled: `{ type: 'string', enum, enumNames }` (deprecated; turned into `oneOf`).
 *
 * `problems` lists what breaks the restriction; the card then offers the answer as JSON text
 * instead of a generated form, so a hostile or careless schema cannot break the window.
 */
export interface PreparedSchema {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  problems: string[];
}

/** More fields than a person fills in: beyond it the form is not generated. */
export const MAX_FIELDS = 100;

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

export function prepareRequestedSchema(raw: unknown): PreparedSchema {
  const problems: string[] = [];
  const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  if (!isObject(raw) || raw.type !== 'object' || (raw.properties !== undefined && !isObject(raw.properties))) {
    return { schema: { type: 'object' }, uiSchema, problems: ['the requestedSchema is not an object schema with properties'] };
  }
  const properties = (raw.properties ?? {}) as Record<string, unknown>;
  const names = Object.keys(properties);
  if (names.length > MAX_FIELDS) problems.push(`it has ${names.length} fields (the form shows at most ${MAX_FIELDS})`);
  const out: Record<string, RJSFSchema> = {};
  for (const name of names.slice(0, MAX_FIELDS)) {
    const property = properties[name];
    const prepared = prepareProperty(property);
    if (typeof prepared === 'string') {
      problems.push(`"${name}" ${prepared}`);
      continue;
    }
    out[name] = prepared.schema;
    if (prepared.widget) uiSchema[name] = { 'ui:widget': prepared.widget };
  }
  const required = Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === 'string' && r in out) : [];
  const schema: RJSFSchema = { type: 'object', properties: out, ...(required.length > 0 ? { required } : {}) };
  return { schema, uiSchema, problems };
}

function prepareProperty(property: unknown): { schema: RJSFSchema; widget?: string } | string {
  if (!isObject(property)) return 'is not a schema';
  const type = property.type;
  if (type === 'array') {
    const items = property.items;
    if (!isObject(items) || !(Array.isArray(items.enum) || Array.isArray(items.anyOf) || Array.isArray(items.oneOf))) {
      return 'is an array that is not a multi-select of listed values';
    }
    if (!((items.enum ?? items.anyOf ?? items.oneOf) as unknown[]).every(isChoice)) return 'lists choices that are not plain values';
    // rjsf shows an array of listed values as checkboxes only when its items are unique.
    return { schema: { ...property, uniqueItems: true } as RJSFSchema, widget: 'checkboxes' };
  }
  if (typeof type !== 'string' || !PRIMITIVES.has(type)) return `has the type ${JSON.stringify(type)}, not one of string, number, integer, boolean or a multi-select`;
  if (Array.isArray(property.enumNames) && Array.isArray(property.enum)) {
    // The legacy form of a titled single-select (2025-06-18): the same choices as oneOf const/title.
    const { enumNames, enum: values, ...rest } = property;
    const oneOf = values.map((value, i) => ({ const: value, title: typeof enumNames[i] === 'string' ? enumNames[i] : String(value) }));
    return { schema: { ...rest, oneOf } as RJSFSchema };
  }
  for (const key of ['enum', 'oneOf', 'anyOf'] as const) {
    const list = property[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every(isChoice))) return `lists ${key} choices that are not plain values`;
  }
  return { schema: property as RJSFSchema };
}

/** A listed value: a primitive, or `{ const, title? }`. */
function isChoice(choice: unknown): boolean {
  if (choice === null || ['string', 'number', 'boolean'].includes(typeof choice)) return true;
  return isObject(choice) && 'const' in choice && (choice.const === null || typeof choice.const !== 'object');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
