import type { TransportChoice } from './connection';

/**
 * Each transport as the remote form's Transport field names it. Messages about a remote use
 * these words, not the ids ("streamable") that remote files and the CLI's --transport take.
 */
export const TRANSPORT_LABELS: Record<TransportChoice, string> = {
  auto: 'Auto-detect (Streamable HTTP, then SSE; WebSocket for ws://)',
  streamable: 'Streamable HTTP',
  sse: 'SSE (legacy)',
  websocket: 'WebSocket',
  stdio: 'Local process (stdio)',
};

/**
 * Each transport's short name, for a tag where the whole label does not fit (a remote's card in the
 * sidebar); the whole label is the tag's tooltip.
 */
export const TRANSPORT_SHORT_LABELS: Record<TransportChoice, string> = {
  auto: 'Auto-detect',
  streamable: 'Streamable HTTP',
  sse: 'SSE (legacy)',
  websocket: 'WebSocket',
  stdio: 'stdio',
};

/** A transport's name for a sentence: its label, or the id quoted when it is none we know. */
export function transportName(transport: string): string {
  return Object.hasOwn(TRANSPORT_LABELS, transport) ? TRANSPORT_LABELS[transport as TransportChoice] : `"${transport}"`;
}
