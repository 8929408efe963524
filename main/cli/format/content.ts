/** Renders MCP content blocks (tool results, resource contents, prompt messages) as text. */

interface ContentBlock {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  uri?: string;
  name?: string;
  resource?: { uri: string; text?: string; blob?: string; mimeType?: string };
}

export function formatContentBlock(block: ContentBlock): string[] {
  switch (block.type) {
    case 'text':
      return (block.text ?? '').split(/\r?\n/);
    case 'image':
    case 'audio':
      return [`[${block.type} ${block.mimeType ?? ''}, ${base64Bytes(block.data)} bytes]`];
    case 'resource_link':
      return [`[resource link ${block.uri ?? ''}${block.name ? ` (${block.name})` : ''}]`];
    case 'resource':
      return block.resource ? formatResourceContents(block.resource) : ['[resource]'];
    default:
      return [JSON.stringify(block)];
  }
}

export interface ToolResultLike {
  content?: ContentBlock[];
  structuredContent?: unknown;
  isError?: boolean;
}

export function formatToolResult(result: ToolResultLike): string[] {
  const lines: string[] = [];
  if (result.isError) lines.push('The tool reported an error:');
  for (const block of result.content ?? []) lines.push(...formatContentBlock(block));
  if (result.structuredContent !== undefined) {
    lines.push('Structured content:');
    lines.push(...JSON.stringify(result.structuredContent, null, 2).split('\n'));
  }
  return lines.length > 0 ? lines : ['(empty result)'];
}

export function formatResourceContents(c: { uri: string; text?: string; blob?: string; mimeType?: string }): string[] {
  if (c.text !== undefined) return c.text.split(/\r?\n/);
  return [`[binary ${c.mimeType ?? 'application/octet-stream'}, ${base64Bytes(c.blob)} bytes; use --json for the base64 data]`];
}

export function formatPromptMessages(result: { description?: string; messages: Array<{ role: string; content: ContentBlock }> }): string[] {
  const lines: string[] = [];
  if (result.description) lines.push(`# ${result.description}`);
  for (const m of result.messages) {
    lines.push(`[${m.role}]`);
    lines.push(...formatContentBlock(m.content).map((l) => `  ${l}`));
  }
  return lines;
}

function base64Bytes(data: string | undefined): number {
  if (!data) return 0;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}
