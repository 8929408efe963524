import type { ErrorFix, FixField } from '../../../shared/model/error-info';

/**
 * The fix targets diagnostics attach next to their plain-words hints (see shared/model/error-fix.ts).
 * Labels are the app's buttons; the CLI turns the field into its option (main/cli/fix-options.ts).
 */
export const FIX = {
  requestTimeout: { field: 'timeouts.requestMs', label: 'Raise the request timeout' },
  connectTimeout: { field: 'timeouts.connectMs', label: 'Raise the connect timeout' },
  caFile: { field: 'tls.caFiles', label: 'Add a CA certificate file' },
  acceptInvalid: { field: 'tls.acceptInvalidCertificates', label: 'Accept invalid certificates (testing only)' },
  url: { field: 'url', label: 'Edit the URL' },
  headers: { field: 'headers', label: 'Check the headers' },
  command: { field: 'command', label: 'Edit the command' },
  cwd: { field: 'cwd', label: 'Edit the working directory' },
  legacyEra: { field: 'protocolEra', label: 'Use the 2025 (legacy) protocol era', value: 'legacy' },
  trace: { field: 'trace', label: 'Look at the trace' },
  record: { field: 'record', label: 'Record a session file' },
  sampling: { field: 'sampling', label: 'Answer sampling requests' },
  dataDir: { field: 'data-dir', label: 'Use another data folder' },
  remotes: { field: 'remotes', label: 'List the saved remotes' },
  sessionRenewal: { field: 'reinitializeOnSessionExpiry', label: 'Change what happens when a session expires' },
  maxMessageSize: { field: 'maxMessageBytes', label: 'Raise the message size limit' },
  confirmCommand: { field: 'confirm-command', label: 'Review and confirm the command' },
} as const satisfies Record<string, ErrorFix>;

const TRANSPORT_NAMES: Record<string, string> = { streamable: 'Streamable HTTP', sse: 'SSE', websocket: 'WebSocket', stdio: 'stdio' };

export function transportFix(transport: 'streamable' | 'sse' | 'websocket'): ErrorFix {
  return { field: 'transport', label: `Use the ${TRANSPORT_NAMES[transport]} transport`, value: transport };
}

export function headerFix(name: string, label = `Set the ${name} header`): ErrorFix {
  return { field: `header:${name}` as FixField, label };
}

/**
 * The Authorization header, carrying the scheme the server asks for when it is not Bearer (the
 * fix's value, e.g. `Basic`): the CLI then proposes `-H 'Authorization: Basic …'`; the app's
 * button is the same for every scheme.
 */
export function authorizationFix(scheme?: string, label = 'Set the Authorization header'): ErrorFix {
  return { ...headerFix('Authorization', label), ...(scheme && scheme.toLowerCase() !== 'bearer' ? { value: scheme } : {}) };
}
