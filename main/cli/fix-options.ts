import type { ErrorFix, ErrorInfo } from '../../shared/model';
import { fixHeaderName } from '../../shared/model';
import { credentialTemplate } from '../core/diagnostics/credential-template';

/**
 * The CLI's words for an error's fix targets: the options that change each field. The core's
 * hints are written for every surface ("raise the request timeout"); this adds "(--timeout <ms>)".
 */
export function cliFixText(info: ErrorInfo): string | undefined {
  const fixes = info.fixes ?? [];
  if (fixes.length === 0) return undefined;
  if (info.kind === 'missing-secret') return missingSecretCommand(info, fixes);
  if (fixes.some((fix) => fix.field === 'confirm-command')) return confirmCommandOptions(info);
  const options = [...new Set(fixes.map(optionFor).filter((o): o is string => o !== undefined))];
  return options.length > 0 ? options.join(' or ') : undefined;
}

/** The hint line as the CLI prints it: the plain words, then the options that apply. */
export function cliHint(info: ErrorInfo): string {
  const options = cliFixText(info);
  if (!options) return info.hint;
  return info.hint ? `${info.hint} (${options})` : options;
}

function optionFor(fix: ErrorFix): string | undefined {
  const header = fixHeaderName(fix.field);
  // The Authorization fix carries the scheme the server asks for when it is not Bearer.
  if (header) return `-H '${header}: ${header.toLowerCase() === 'authorization' ? credentialTemplate(fix.value) : '<value>'}'`;
  switch (fix.field) {
    case 'url':
      return 'check the URL argument';
    case 'transport':
      return `--transport ${fix.value ?? '<kind>'}`;
    case 'headers':
      return "-H 'Name: value'";
    case 'timeouts.connectMs':
    case 'timeouts.requestMs':
      return '--timeout <ms>';
    case 'tls.caFiles':
      return '--ca <file>';
    case 'tls.acceptInvalidCertificates':
      return '--insecure';
    case 'protocolEra':
      return `--protocol-era ${fix.value ?? '<era>'}`;
    case 'protocolVersion':
      return `--protocol-version ${fix.value ?? '<revision>'}`;
    case 'command':
    case 'args':
      return '--stdio -- <command> [args...]';
    case 'env':
      return '--env KEY=value';
    case 'cwd':
      return '--cwd <dir>';
    case 'sampling':
      return '--sampling reply:TEXT';
    case 'trace':
      return '--trace';
    case 'record':
      return '--record <file>';
    case 'data-dir':
      return '--data-dir <dir>';
    case 'reinitializeOnSessionExpiry':
      return '--stop-on-session-expiry';
    case 'maxMessageBytes':
      return '--max-message-mb <n>';
    case 'remotes':
      return 'periscope remotes list';
    case 'oauth-authorize':
      return `--authorize ${fix.value ?? 'print'}`;
    case 'oauth-client':
      return '--client-id <id> with --client-secret-stdin';
    case 'oauth-grant':
      return `--grant ${fix.value ?? 'client_credentials'}`;
  }
  return undefined;
}

/** A saved remote's missing secret: the one command that sets every missing header. */
function missingSecretCommand(info: ErrorInfo, fixes: ErrorFix[]): string | undefined {
  const name = typeof info.detail?.remoteName === 'string' ? info.detail.remoteName : undefined;
  const headers = fixes.map((f) => fixHeaderName(f.field)).filter((h): h is string => h !== undefined);
  if (!name || headers.length === 0) return undefined;
  return `periscope remotes edit ${quoteArg(name)} ${headers.map((h) => `--secret ${h}`).join(' ')}`;
}

/** An imported stdio remote not confirmed yet: confirm it once, or for this run only. */
function confirmCommandOptions(info: ErrorInfo): string {
  const name = typeof info.detail?.remoteName === 'string' ? info.detail.remoteName : 'NAME';
  return `periscope remotes confirm ${quoteArg(name)}, or --confirm-command on this command`;
}

function quoteArg(value: string): string {
  return /^[\w.-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
