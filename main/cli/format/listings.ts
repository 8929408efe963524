/** Plain-text listings of tools, resources and prompts: one entry per line, details indented. */

interface Named {
  name: string;
  title?: string;
  description?: string;
}

export interface ToolLike extends Named {
  inputSchema?: { properties?: Record<string, { type?: unknown; description?: string }>; required?: string[] };
}

export function formatTools(tools: ToolLike[]): string[] {
  if (tools.length === 0) return ['(no tools)'];
  const lines: string[] = [];
  for (const tool of tools) {
    lines.push(`${tool.name}${describe(tool)}`);
    const props = Object.entries(tool.inputSchema?.properties ?? {});
    const required = new Set(tool.inputSchema?.required ?? []);
    for (const [name, prop] of props) {
      const type = Array.isArray(prop.type) ? prop.type.join('|') : String(prop.type ?? 'any');
      lines.push(`    ${name}${required.has(name) ? '' : '?'}: ${type}${prop.description ? `  ${prop.description}` : ''}`);
    }
  }
  return lines;
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
