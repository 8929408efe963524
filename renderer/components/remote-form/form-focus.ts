import { fixHeaderName, type FixField } from '../../../shared/model/error-info';
import { looksLikeCredentialHeader } from '../../../shared/model/remote-rules';
import { newHeaderRow, type RemoteFormState } from './form-model';

const TRANSPORTS = new Set(['auto', 'streamable', 'sse', 'websocket', 'stdio']);
const ERAS = new Set(['auto', 'modern', 'legacy']);

/** The id of the control that edits each fix field (see remote-form.tsx). */
const FIELD_IDS: Partial<Record<FixField, string>> = {
  url: 'remote-url',
  transport: 'remote-transport',
  headers: 'add-header',
  'timeouts.connectMs': 'remote-connect-ms',
  'timeouts.requestMs': 'remote-request-ms',
  'tls.caFiles': 'remote-ca-files',
  'tls.acceptInvalidCertificates': 'remote-accept-invalid',
  protocolEra: 'remote-protocol-era',
  protocolVersion: 'remote-protocol-version',
  command: 'remote-command',
  args: 'remote-args',
  env: 'remote-env',
  cwd: 'remote-cwd',
  reinitializeOnSessionExpiry: 'remote-renew-session',
  maxMessageBytes: 'remote-max-message-mb',
  'oauth-client': 'remote-oauth-client-id',
  'oauth-grant': 'remote-oauth-grant',
};

export function headerValueId(rowKey: number): string {
  return `header-${rowKey}-value`;
}

/**
 * The form's first state when the editor opens on a fix: a header fix for a header the remote
 * does not have yet adds its row (named, secret when it carries credentials), ready to fill in.
 */
export function withFixRow(state: RemoteFormState, field: FixField | undefined, value?: string): RemoteFormState {
  // A proposed choice (the SSE transport, the legacy era) is preselected, to be reviewed and saved.
  if (field === 'transport' && value && TRANSPORTS.has(value)) return { ...state, transport: value as RemoteFormState['transport'] };
  if (field === 'protocolEra' && value && ERAS.has(value)) return { ...state, protocolEra: value as RemoteFormState['protocolEra'] };
  if (field === 'oauth-grant' && (value === 'client_credentials' || value === 'authorization_code')) return { ...state, oauth: { ...state.oauth, enabled: true, grant: value } };
  const header = field ? fixHeaderName(field) : undefined;
  if (!header || state.headers.some((h) => h.name.toLowerCase() === header.toLowerCase())) return state;
  const secret = looksLikeCredentialHeader(header);
  return { ...state, headers: [...state.headers, { ...newHeaderRow(), name: header, required: true, secret }] };
}

/** Which control takes the focus when the editor opens: the fix's field, else the name. */
export function initialFocusId(state: RemoteFormState, field: FixField | undefined): string {
  if (!field) return 'remote-name';
  const header = fixHeaderName(field);
  if (header) {
    const row = state.headers.find((h) => h.name.toLowerCase() === header.toLowerCase());
    return row ? headerValueId(row.key) : 'add-header';
  }
  const stdio = state.transport === 'stdio';
  const id = FIELD_IDS[field];
  // A field the transport does not show (a URL on a stdio remote): the transport decides.
  if (!id || (stdio && ['url', 'add-header', 'remote-ca-files', 'remote-accept-invalid', 'remote-oauth-client-id', 'remote-oauth-grant'].includes(id)) || (!stdio && ['remote-command', 'remote-args', 'remote-env', 'remote-cwd'].includes(id))) {
    return 'remote-transport';
  }
  return id;
}

/** True when the form differs from what was loaded (header row keys aside). */
export function formChanged(state: RemoteFormState, initial: RemoteFormState): boolean {
  return comparable(state) !== comparable(initial);
}

function comparable(state: RemoteFormState): string {
  return JSON.stringify({ ...state, headers: state.headers.map(({ key: _key, ...row }) => row) });
}
