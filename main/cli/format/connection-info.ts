import type { ConnectionInfo } from '../../../shared/model';

/** `periscope connect`: who answered, over what, in which protocol era, and why. */
export function formatConnectionInfo(info: ConnectionInfo): string[] {
  const lines: string[] = [];
  const server = info.serverInfo;
  lines.push(`Server:      ${server ? `${server.title ?? server.name} ${server.version}${server.title ? ` (${server.name})` : ''}` : '(not reported)'}`);
  lines.push(`Protocol:    ${info.protocolVersion ?? '(unknown)'}`);
  lines.push(...formatEra(info));
  lines.push(`Transport:   ${info.transport ?? '(unknown)'}${info.url ? `  ${info.url}` : ''}`);
  if (info.detection) {
    lines.push(`Detection:   ${info.detection.explanation}`);
    for (const attempt of info.detection.attempts) {
      lines.push(`             - ${attempt.transport}: ${attempt.outcome}${attempt.reason ? ` (${attempt.reason})` : ''}`);
    }
  }
  lines.push(...formatSetup(info.setup));
  lines.push(`Session id:  ${info.sessionId ?? (info.era === 'modern' ? '(none: the 2026-07-28 protocol has no sessions)' : '(none)')}`);
  lines.push(`Capabilities:`);
  const caps = Object.entries(info.capabilities ?? {});
  if (caps.length === 0) lines.push('  (none)');
  for (const [name, value] of caps) lines.push(`  ${name}${describeCapability(value)}`);
  if (info.instructions) {
    lines.push('Instructions:');
    for (const line of info.instructions.split(/\r?\n/)) lines.push(`  ${line}`);
  }
  // The warnings are on stderr, as for every connecting command (cli-session.ts): not twice.
  return lines;
}

const PHASE_WORDS = { dns: 'DNS', tcp: 'TCP', tls: 'TLS', 'first-byte': 'first byte', authorization: 'OAuth sign-in', handshake: 'handshake' } as const;

/** "Set-up:      38 ms: DNS 2.0 ms · TCP 1.0 ms · TLS 12 ms · first byte 5.0 ms · initialize 20 ms", then why a phase is missing. */
export function formatSetup(setup: ConnectionInfo['setup']): string[] {
  if (!setup) return [];
  const phases = setup.phases.map((p) => `${p.phase === 'handshake' ? (p.detail ?? PHASE_WORDS.handshake) : PHASE_WORDS[p.phase]} ${ms(p.durationMs)}`);
  return [`Set-up:      ${ms(setup.totalMs)}${phases.length > 0 ? `: ${phases.join(' · ')}` : ''}`, ...setup.notes.map((n) => `             - ${n}`)];
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** The era lines: which era, what the server offered (modern only) and how the era was decided. */
export function formatEra(info: Pick<ConnectionInfo, 'era' | 'supportedVersions' | 'eraDetection'>): string[] {
  const lines = [`Era:         ${info.era ? eraName(info.era) : '(unknown)'}`];
  if (info.supportedVersions?.length) lines.push(`Offered:     ${info.supportedVersions.join(', ')}`);
  if (info.eraDetection) lines.push(`Era choice:  ${info.eraDetection.explanation}`);
  return lines;
}

/** "modern (2026-07-28: stateless, server/discover)" or "legacy (2025: initialize, sessions)". */
export function eraName(era: NonNullable<ConnectionInfo['era']>): string {
  return era === 'modern' ? 'modern (2026-07-28 and later: stateless, server/discover)' : 'legacy (2025 revisions: initialize handshake, sessions)';
}

function describeCapability(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const flags = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  return flags.length > 0 ? ` (${flags.join(', ')})` : '';
}
