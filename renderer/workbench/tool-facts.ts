import type { ToolInfo } from '../stores/tools-store';

/** A hint the server gives about a tool (MCP 2025-06-18 server/tools, ToolAnnotations), in words. */
export interface ToolBadge {
  key: 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint';
  label: string;
  /** For the title attribute: what the hint means, and that it is only a hint. */
  meaning: string;
  tone: 'neutral' | 'caution' | 'safe';
}

const HINT = 'A hint from the server, not a guarantee.';

/** The annotations the server declared, each as a badge; hints it left out are not guessed. */
export function toolBadges(tool: ToolInfo): ToolBadge[] {
  const a = tool.annotations ?? {};
  const badges: ToolBadge[] = [];
  if (a.readOnlyHint === true) badges.push({ key: 'readOnlyHint', label: 'read-only', meaning: `Does not change its environment. ${HINT}`, tone: 'safe' });
  if (a.readOnlyHint === false) badges.push({ key: 'readOnlyHint', label: 'writes', meaning: `May change its environment. ${HINT}`, tone: 'neutral' });
  if (a.destructiveHint === true) badges.push({ key: 'destructiveHint', label: 'destructive', meaning: `May delete or overwrite things. ${HINT}`, tone: 'caution' });
  if (a.destructiveHint === false) badges.push({ key: 'destructiveHint', label: 'additive', meaning: `Only adds, never deletes or overwrites. ${HINT}`, tone: 'safe' });
  if (a.idempotentHint === true) badges.push({ key: 'idempotentHint', label: 'idempotent', meaning: `Calling it again with the same arguments changes nothing more. ${HINT}`, tone: 'safe' });
  if (a.idempotentHint === false) badges.push({ key: 'idempotentHint', label: 'not idempotent', meaning: `Each call may have a further effect. ${HINT}`, tone: 'neutral' });
  if (a.openWorldHint === true) badges.push({ key: 'openWorldHint', label: 'open world', meaning: `Reaches outside systems (the web, other services). ${HINT}`, tone: 'neutral' });
  if (a.openWorldHint === false) badges.push({ key: 'openWorldHint', label: 'closed world', meaning: `Works only within its own domain. ${HINT}`, tone: 'neutral' });
  return badges;
}

/** The name a person reads: title, then annotations.title, then the name (MCP 2025-06-18 display-name order). */
export function displayName(tool: ToolInfo): string {
  return tool.title || tool.annotations?.title || tool.name;
}

/**
 * An icon the window may show: only a data: image (the renderer fetches nothing from the
 * network, its Content-Security-Policy allows images from the app and data: URIs only).
 */
export function toolIcon(tool: ToolInfo): string | undefined {
  return tool.icons?.find((icon) => /^data:image\/(png|jpeg|gif|webp|svg\+xml);/i.test(icon.src))?.src;
}

/** Tools whose name, title or description holds every word of the query (case-insensitive). */
export function searchTools(tools: ToolInfo[], query: string): ToolInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tools;
  return tools.filter((tool) => {
    const text = `${tool.name} ${tool.title ?? ''} ${tool.annotations?.title ?? ''} ${tool.description ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
