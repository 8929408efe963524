import { describeCommandReview, effectiveEraChoice, looksLikeCredentialEnv, type Remote } from '../../../shared/model';
import type { ImportReport } from '../../core/remotes/import-remotes';

/** The endpoint a person recognizes: the URL, or the command line of a stdio remote. */
export function endpointOf(remote: Remote): string {
  if (remote.transport === 'stdio') return [remote.command ?? '', ...remote.args].join(' ');
  const more = remote.instances?.length ?? 0;
  return `${remote.url ?? ''}${more > 0 ? ` (+${more} more: ${more + 1} instances)` : ''}`;
}

function headerSummary(remote: Remote): string {
  return remote.headers
    .map((h) => {
      if (!h.is_secret) return h.name;
      const state = h.has_value === undefined ? 'secret' : h.has_value ? 'secret, set' : h.is_required ? 'secret, MISSING' : 'secret, not set';
      return `${h.name} (${state})`;
    })
    .join(', ');
}

/**
 * The protocol era a remote asks for, or '' for the default (auto, unpinned): "modern",
 * "legacy, pinned 2025-06-18". A pinned version under `auto` shows the era it implies.
 */
export function eraSummary(remote: Pick<Remote, 'protocolEra' | 'protocolVersion'>): string {
  if (remote.protocolEra === 'auto' && !remote.protocolVersion) return '';
  const effective = effectiveEraChoice(remote.protocolEra, remote.protocolVersion);
  const era = 'era' in effective ? effective.era : remote.protocolEra;
  return remote.protocolVersion ? `${era}, pinned ${remote.protocolVersion}` : era;
}

export function formatRemoteTable(remotes: Remote[]): string {
  if (remotes.length === 0) return 'No saved remotes. Add one with `periscope remotes add <name> <url>` or `periscope remotes import <file>`.\n';
  // The ERA column appears only when some remote leaves the default (auto), so it never says nothing.
  const withEra = remotes.some((r) => eraSummary(r) !== '');
  const head = ['NAME', 'TRANSPORT', ...(withEra ? ['ERA'] : []), 'ENDPOINT', 'HEADERS'];
  const endpoint = (r: Remote) => `${endpointOf(r)}${r.commandNeedsConfirmation ? '  (imported, not confirmed)' : ''}`;
  const rows = [head, ...remotes.map((r) => [r.name, r.transport, ...(withEra ? [eraSummary(r) || 'auto'] : []), endpoint(r), headerSummary(r)])];
  const last = head.length - 1;
  const widths = head.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c < last ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd()).join('\n') + '\n';
}

export function formatRemoteDetail(remote: Remote): string {
  const lines = [`${remote.name}`, `  transport  ${remote.transport}`, `  endpoint   ${endpointOf(remote)}`];
  for (const [index, url] of (remote.instances ?? []).entries()) lines.push(`  instance   ${url}  (${index + 2} of ${remote.instances.length + 1})`);
  lines.push(`  era        ${eraSummary(remote) || 'auto (probe with server/discover, fall back to initialize)'}`);
  if (remote.commandNeedsConfirmation) lines.push(`  command    imported, NOT CONFIRMED: it runs only after \`periscope remotes confirm ${remote.name}\` (or --confirm-command)`);
  if (remote.cwd) lines.push(`  cwd        ${remote.cwd}`);
  for (const [key, value] of Object.entries(remote.env)) lines.push(`  env        ${key}=${envShown(remote, key, value)}`);
  for (const h of remote.headers) {
    const shown = h.is_secret ? (h.has_value ? '[set in keychain]' : '[not set]') : h.value;
    const flags = [h.is_required ? 'required' : 'optional', h.is_secret ? 'secret' : ''].filter(Boolean).join(', ');
    lines.push(`  header     ${h.name}: ${shown}  (${flags})${h.description ? ` ${h.description}` : ''}`);
  }
  const t = remote.timeouts;
  if (Object.keys(t).length > 0) lines.push(`  timeouts   ${Object.entries(t).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  if (remote.tls.caFiles.length > 0) lines.push(`  ca files   ${remote.tls.caFiles.join(', ')}`);
  if (remote.tls.acceptInvalidCertificates) lines.push('  tls        certificate checks OFF');
  if (remote.notes) lines.push(`  notes      ${remote.notes}`);
  lines.push(`  id         ${remote.id}`);
  return lines.join('\n') + '\n';
}

/** Values stay hidden (a plain one can still be sensitive, e.g. a DATABASE_URL); secret ones say whether the keychain has them. */
function envShown(remote: Remote, key: string, _value: string): string {
  if (!looksLikeCredentialEnv(key)) return '…';
  const set = remote.envHasValue?.[key];
  return set === undefined ? '[secret]' : set ? '[set in keychain]' : '[not set]';
}

/**
 * One block per entry: imported or skipped (why), its warnings, and for an entry that runs a
 * command: the command line, the env NAMES, the dangerous ones, and that it will not run until
 * confirmed.
 */
export function formatImportReport(report: ImportReport): string {
  const lines = report.entries.map((e) => {
    const head = e.status === 'imported' ? `imported  ${e.name}` : `skipped   ${e.name}: ${e.reason}`;
    const where = e.source === e.name ? '' : ` (${e.source})`;
    const command = e.command ? describeCommandReview(e.command).map((l) => `          ${l}`) : [];
    if (e.command?.needsConfirmation) command.push(`          not run until you confirm it: periscope remotes confirm ${quoted(e.name)}`);
    return [`${head}${where}`, ...command, ...e.warnings.map((w) => `          warning: ${w}`)].join('\n');
  });
  lines.push(`${report.imported} imported, ${report.skipped} skipped (${report.format === 'mcpServers' ? 'mcpServers config' : 'remote configuration'} format).`);
  return lines.join('\n') + '\n';
}

function quoted(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}
