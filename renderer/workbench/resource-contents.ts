import { parse, stringify } from 'lossless-json';

/**
 * How the Resources section shows one item of a resources/read result's `contents` (MCP
 * 2025-11-25 server/resources: TextResourceContents or BlobResourceContents).
 */
export type ContentView =
  | { kind: 'json'; uri: string; mimeType?: string; text: string }
  | { kind: 'text'; uri: string; mimeType?: string; text: string }
  | { kind: 'image'; uri: string; mimeType: string; dataUrl: string; bytes: number; blob: string }
  | { kind: 'binary'; uri: string; mimeType?: string; bytes: number; hex: string; blob: string };

/** How many leading bytes of a binary resource the hex preview shows. */
export const HEX_PREVIEW_BYTES = 64;

interface RawContents {
  uri?: unknown;
  mimeType?: unknown;
  text?: unknown;
  blob?: unknown;
}

export function viewContents(raw: RawContents): ContentView {
  const uri = typeof raw.uri === 'string' ? raw.uri : '';
  const mimeType = typeof raw.mimeType === 'string' ? raw.mimeType : undefined;
  if (typeof raw.text === 'string') {
    const pretty = isJsonType(mimeType, raw.text) ? prettyJson(raw.text) : undefined;
    return pretty !== undefined ? { kind: 'json', uri, mimeType, text: pretty } : { kind: 'text', uri, mimeType, text: raw.text };
  }
  const blob = typeof raw.blob === 'string' ? raw.blob : '';
  const bytes = base64Bytes(blob);
  // Only raster formats an <img> shows safely; an SVG could carry script-like content, so it stays binary.
  if (mimeType && /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(mimeType)) return { kind: 'image', uri, mimeType, dataUrl: `data:${mimeType};base64,${blob}`, bytes, blob };
  return { kind: 'binary', uri, mimeType, bytes, hex: hexPreview(blob, HEX_PREVIEW_BYTES), blob };
}

function isJsonType(mimeType: string | undefined, text: string): boolean {
  if (mimeType) return /[/+]json(;|$)/i.test(mimeType);
  return /^\s*[[{]/.test(text);
}

/** Pretty JSON with every number as written (lossless-json), or undefined when the text is not JSON. */
function prettyJson(text: string): string | undefined {
  try {
    return stringify(parse(text), undefined, 2) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Decoded size of base64 text, in bytes, without decoding it. */
export function base64Bytes(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** The first `count` bytes as hex pairs, 16 to a line: "00 01 02 ff". */
export function hexPreview(base64: string, count: number): string {
  // Decode only the head: 4 base64 characters carry 3 bytes.
  const head = base64.replace(/\s/g, '').slice(0, Math.ceil(count / 3) * 4);
  let binary: string;
  try {
    binary = atob(head);
  } catch {
    return '';
  }
  const pairs = Array.from(binary.slice(0, count), (c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 16) lines.push(pairs.slice(i, i + 16).join(' '));
  return lines.join('\n');
}

/** "1.5 KB" style sizes for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
