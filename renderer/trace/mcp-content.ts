/**
 * The content blocks of an MCP message, for reading them as a person would: text as text (its
 * real line breaks), images as images. Found in a tools/call result (`content`), a resources/read
 * result (`contents`, text or base64 `blob`), and a prompts/get result (`messages[].content`).
 */
export type ContentBlock =
  | { kind: 'text'; text: string; label: string }
  | { kind: 'image'; src: string; mimeType: string; bytes: number; label: string }
  | { kind: 'audio'; src: string; mimeType: string; bytes: number; label: string }
  | { kind: 'other'; label: string; summary: string; /** A resource_link's target, which the Resources section can open. */ linkUri?: string };

/** Image types a browser shows safely in an <img> (an SVG there runs no script). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/x-icon', 'image/avif', 'image/svg+xml']);
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}$/;
const DATA_URI = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/\r\n]*={0,2})$/i;

export function contentBlocks(message: unknown): ContentBlock[] | undefined {
  const result = record(record(message)?.result);
  if (!result) return undefined;
  if (Array.isArray(result.content)) return result.content.map((block, i) => fromContent(block, `Block ${i + 1}`));
  if (Array.isArray(result.contents)) return result.contents.map((item, i) => fromResource(item, `Resource ${i + 1}`));
  if (Array.isArray(result.messages)) {
    return result.messages.map((m, i) => fromContent(record(m)?.content, `Message ${i + 1} (${String(record(m)?.role ?? 'unknown role')})`));
  }
  return undefined;
}

function fromContent(value: unknown, label: string): ContentBlock {
  const block = record(value);
  if (!block) return { kind: 'other', label, summary: 'not a content block' };
  switch (block.type) {
    case 'text':
      return textOrImage(String(block.text ?? ''), label);
    case 'image':
      return image(block.data, block.mimeType, label) ?? { kind: 'other', label, summary: `image of type ${String(block.mimeType)} (not shown)` };
    case 'audio':
      return audio(block.data, block.mimeType, label) ?? { kind: 'other', label, summary: `audio, ${String(block.mimeType ?? 'unknown type')}, ${sizeOf(block.data)} (not played here)` };
    case 'resource':
      return fromResource(block.resource, `${label}: embedded resource`);
    case 'resource_link':
      return {
        kind: 'other',
        label,
        summary: `link to ${String(block.uri ?? '?')}${block.name ? ` (${String(block.name)})` : ''}`,
        ...(typeof block.uri === 'string' && block.uri.length > 0 ? { linkUri: block.uri } : {}),
      };
    default:
      return { kind: 'other', label, summary: `${String(block.type ?? 'untyped')} block` };
  }
}

function fromResource(value: unknown, label: string): ContentBlock {
  const resource = record(value);
  if (!resource) return { kind: 'other', label, summary: 'not a resource' };
  const named = `${label}${resource.uri ? `: ${String(resource.uri)}` : ''}`;
  if (typeof resource.text === 'string') return textOrImage(resource.text, named);
  if (typeof resource.blob === 'string') {
    return image(resource.blob, resource.mimeType, named) ?? { kind: 'other', label: named, summary: `binary, ${String(resource.mimeType ?? 'unknown type')}, ${sizeOf(resource.blob)}` };
  }
  return { kind: 'other', label: named, summary: 'no text and no blob' };
}

/** A text that is itself a data: URI of an image is shown as that image. */
function textOrImage(text: string, label: string): ContentBlock {
  const uri = DATA_URI.exec(text.trim());
  if (uri) return image(uri[2], uri[1], label) ?? { kind: 'text', text, label };
  return { kind: 'text', text, label };
}

function image(data: unknown, mimeType: unknown, label: string): ContentBlock | undefined {
  const type = typeof mimeType === 'string' ? mimeType.toLowerCase() : '';
  if (typeof data !== 'string' || !IMAGE_TYPES.has(type) || !BASE64.test(data)) return undefined;
  const clean = data.replace(/[\r\n]/g, '');
  return { kind: 'image', src: `data:${type};base64,${clean}`, mimeType: type, bytes: Math.floor((clean.length * 3) / 4), label };
}

/** Audio a browser plays from a data: URI (the CSP allows media from data: only). */
function audio(data: unknown, mimeType: unknown, label: string): ContentBlock | undefined {
  const type = typeof mimeType === 'string' ? mimeType.toLowerCase() : '';
  if (typeof data !== 'string' || !/^audio\/[a-z0-9.+-]+$/.test(type) || !BASE64.test(data)) return undefined;
  const clean = data.replace(/[\r\n]/g, '');
  return { kind: 'audio', src: `data:${type};base64,${clean}`, mimeType: type, bytes: Math.floor((clean.length * 3) / 4), label };
}

function sizeOf(data: unknown): string {
  return typeof data === 'string' ? `${Math.round((data.length * 3) / 4 / 1024)} KB` : 'no data';
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
