import type { ConnectionInfo } from '../../../shared/model';

/** `periscope connect`: who answered, over what, and why that transport was chosen. */
export function formatConnectionInfo(info: ConnectionInfo): string[] {
  const lines: string[] = [];
  const server = info.serverInfo;
  lines.push(`Server:      ${server ? `${server.title ?? server.name} ${server.version}${server.title ? ` (${server.name})` : ''}` : '(not reported)'}`);
  lines.push(`Protocol:    ${info.protocolVersion ?? '(unknown)'}`);
  lines.push(`Transport:   ${info.transport ?? '(unknown)'}${info.url ? `  ${info.url}` : ''}`);
  if (info.detection) {
    lines.push(`Detection:   ${info.detection.explanation}`);
    for (const attempt of info.detection.attempts) {
      lines.push(`             - ${attempt.transport}: ${attempt.outcome}${attempt.reason ? ` (${attempt.reason})` : ''}`);
    }
  }
  lines.push(`Session id:  ${info.sessionId ?? '(none)'}`);
  lines.push(`Capabilities:`);
  const caps = Object.entries(info.capabilities ?? {});
  if (caps.length === 0) lines.push('  (none)');
  for (const [name, value] of caps) lines.push(`  ${name}${describeCapability(value)}`);
  if (info.instructions) {
    lines.push('Instructions:');
    for (const line of info.instructions.split(/\r?\n/)) lines.push(`  ${line}`);
  }
  for (const warning of info.warnings ?? []) lines.push(`Warning:     ${warning}`);
  return lines;
}

function describeCapability(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const flags = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  return flags.length > 0 ? ` (${flags.join(', ')})` : '';
}
