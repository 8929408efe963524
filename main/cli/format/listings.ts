/** Plain-text listings of tools, resources and prompts: one entry per line, details indented. */
import { declaredPropertyNames, describeEffectiveType, effectiveType, propertySchema } from '../../../shared/schema/effective-type';
import { asNode, resolveLocal, type SchemaNode } from '../../../shared/schema/local-ref';

interface Named {
  name: string;
  title?: string;
  description?: string;
}

export interface ToolLike extends Named {
  /** The tool's JSON Schema, read defensively (see shared/schema/). */
  inputSchema?: unknown;
}

/**
 * One line per tool, then one per argument: `name?: type  description`, `?` marking an optional
 * one. The type is the property's effective type (type lists, nullable, enum/const values, local
 * $ref, anyOf/oneOf/allOf), the same one key=value typing uses: `integer|null`, `"fast"|"slow"`.
 */
export function formatTools(tools: ToolLike[]): string[] {
  if (tools.length === 0) return ['(no tools)'];
  const lines: string[] = [];
  for (const tool of tools) {
    lines.push(`${tool.name}${describe(tool)}`);
    const root = asNode(tool.inputSchema);
    const required = new Set(requiredNames(root));
    for (const name of declaredPropertyNames(root)) {
      const property = propertySchema(root, name);
      const type = property === false ? 'nothing (not allowed)' : describeEffectiveType(typeof property === 'object' ? effectiveType(property, root) : {});
      const description = typeof property === 'object' ? resolveLocal(property, root).description : undefined;
      lines.push(`    ${name}${required.has(name) ? '' : '?'}: ${type}${typeof description === 'string' && description ? `  ${firstLine(description)}` : ''}`);
    }
  }
  return lines;
}

/** `required` of the schema, also inside a top-level `$ref` or `allOf`. */
function requiredNames(root: SchemaNode): string[] {
  const node = resolveLocal(root, root);
  const parts = [node, ...(Array.isArray(node.allOf) ? node.allOf.map((p) => resolveLocal(asNode(p), root)) : [])];
  return parts.flatMap((p) => (Array.isArray(p.required) ? p.required.filter((r): r is string => typeof r === 'string') : []));
}

export interface ResourceLike extends Named {
  uri: string;
  mimeType?: string;
}
export interface TemplateLike extends Named {
  uriTemplate: string;
  mimeType?: string;
}

export function formatResources(resources: ResourceLike[], templates: TemplateLike[]): string[] {
  const lines = ['Resources:'];
  if (resources.length === 0) lines.push('  (none)');
  for (const r of resources) lines.push(`  ${r.uri}  ${r.name}${r.mimeType ? ` [${r.mimeType}]` : ''}${describe(r, ' ')}`);
  lines.push('Resource templates:');
  if (templates.length === 0) lines.push('  (none)');
  for (const t of templates) lines.push(`  ${t.uriTemplate}  ${t.name}${t.mimeType ? ` [${t.mimeType}]` : ''}${describe(t, ' ')}`);
  return lines;
}

export interface PromptLike extends Named {
  arguments?: Array<{ name: string; description?: string; required?: boolean }>;
}

export function formatPrompts(prompts: PromptLike[]): string[] {
  if (prompts.length === 0) return ['(no prompts)'];
  const lines: string[] = [];
  for (const p of prompts) {
    lines.push(`${p.name}${describe(p)}`);
    for (const a of p.arguments ?? []) lines.push(`    ${a.name}${a.required ? '' : '?'}${a.description ? `  ${a.description}` : ''}`);
  }
  return lines;
}

function describe(item: Named, sep = '  '): string {
  const text = item.title && item.description ? `${item.title}: ${item.description}` : (item.description ?? item.title);
  return text ? `${sep}- ${firstLine(text)}` : '';
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0];
}
