import type { PropertyOverride, SchemaNode } from './schema-arguments';

/** What the rule needs of each listed tool. */
export interface ListedTool {
  name: string;
  inputSchema?: unknown;
}

/**
 * The schema-echo rule: a required property of type `object` whose description asks for another
 * listed tool's input schema gets exactly that schema, as `tools/list` returned it.
 *
 * Why: a tool that takes a JSON Schema (a validator, a form renderer, the conformance suite's
 * `json_schema_echo`, whose `schema` property says "The inputSchema the client observed for
 * json_schema_2020_12_tool, passed back verbatim") cannot be exercised with a made-up `{}`; the
 * one schema it names is the honest sample, and sending it unmodified shows what the client kept
 * of it (SEP-1613: `$schema`, `$defs`, `additionalProperties` must survive).
 *
 * The description must mention "inputSchema" or "input schema" and name exactly one other
 * listed tool (as a whole word); otherwise the rule has no opinion and the schema rules apply.
 */
export function schemaEchoOverride(tool: ListedTool, tools: readonly ListedTool[]): PropertyOverride {
  return (_name: string, property: SchemaNode) => {
    if (!isObjectTyped(property) || typeof property.description !== 'string') return undefined;
    const description = property.description;
    if (!/input\s?schema/i.test(description)) return undefined;
    const named = tools.filter((other) => other.name !== tool.name && mentions(description, other.name));
    return named.length === 1 && isObject(named[0]!.inputSchema) ? named[0]!.inputSchema : undefined;
  };
}

function isObjectTyped(property: SchemaNode): boolean {
  return property.type === 'object' || (Array.isArray(property.type) && property.type.includes('object'));
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`).test(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
