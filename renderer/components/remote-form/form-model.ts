import type { TransportChoice } from '../../../shared/model/connection';
import type { ProtocolEraChoice } from '../../../shared/model/protocol-era';
import { checkRemoteDraft, looksLikeCredentialEnv, looksLikeCredentialHeader, type Remote, type RemoteInput } from '../../../shared/model/remote';
import { messageLimitBytes, messageLimitMegabytes, messageLimitProblem } from '../../../shared/model/message-limit';
import { MAX_TIMEOUT_MS, TIMEOUT_LIMIT_TEXT } from '../../../shared/model/timeout-limit';
import { oauthDraft, oauthFormFromRemote, type OAuthFormState } from './oauth-form-model';

/** One header row as the user edits it. A stored secret is never here: only `hasStoredValue`. */
export interface HeaderRow {
  key: number;
  name: string;
  /** What the user typed; for a secret with a stored value, empty means "keep it". */
  value: string;
  description: string;
  required: boolean;
  secret: boolean;
  hasStoredValue: boolean;
  clearValue: boolean;
  originalName: string | undefined;
}

/**
 * A stdio env variable whose name looks like a credential: its value lives in the keychain and is
 * write-only here, like a secret header's (typing replaces it, an empty field keeps it).
 */
export interface SecretEnvRow {
  key: number;
  name: string;
  value: string;
  hasStoredValue: boolean;
}

/** The editor's state: text fields stay text until saved, so half-typed input is not lost. */
export interface RemoteFormState {
  name: string;
  transport: TransportChoice;
  url: string;
  /** A group's other instances' URLs, one per line (blank lines ignored). */
  instances: string;
  command: string;
  /** One argument per line. */
  args: string;
  /** KEY=VALUE, one per line: the plain variables (a credential typed here is saved as a secret). */
  env: string;
  /** The stored secret variables. */
  secretEnv: SecretEnvRow[];
  cwd: string;
  headers: HeaderRow[];
  connectMs: string;
  requestMs: string;
  /** The message size limit in megabytes; empty: the default. */
  maxMessageMb: string;
  /** One path per line. */
  caFiles: string;
  acceptInvalidCertificates: boolean;
  protocolEra: ProtocolEraChoice;
  /** Empty: negotiate. */
  protocolVersion: string;
  /** Start a new session when the server forgets this one (HTTP 404). */
  reinitializeOnSessionExpiry: boolean;
  /** The Authorization group (OAuth); not used for stdio and WebSocket remotes. */
  oauth: OAuthFormState;
  notes: string;
}

let rowKey = 1;
export function newHeaderRow(): HeaderRow {
  return { key: rowKey++, name: '', value: '', description: '', required: false, secret: false, hasStoredValue: false, clearValue: false, originalName: undefined };
}

/**
 * True when the header's name looks like a credential (Authorization, X-API-Key, *-Token...): main
 * saves such a header as secret whatever the form says (promoteCredentialHeaders, on the trimmed
 * name the form sends), so the form shows it secret from the moment the name is typed.
 */
export function headerSecretByName(row: Pick<HeaderRow, 'name'>): boolean {
  return looksLikeCredentialHeader(row.name.trim());
}

/** Whether the header is saved as secret: ticked by the user, or by its name. */
export function headerIsSecret(row: Pick<HeaderRow, 'name' | 'secret'>): boolean {
  return row.secret || headerSecretByName(row);
}

export function formFromRemote(remote: Remote | undefined): RemoteFormState {
  if (!remote) {
    return { name: '', transport: 'auto', url: '', instances: '', command: '', args: '', env: '', secretEnv: [], cwd: '', headers: [], connectMs: '', requestMs: '', maxMessageMb: '', caFiles: '', acceptInvalidCertificates: false, protocolEra: 'auto', protocolVersion: '', reinitializeOnSessionExpiry: true, oauth: oauthFormFromRemote(undefined), notes: '' };
  }
  return {
    name: remote.name,
    transport: remote.transport,
    url: remote.url ?? '',
    instances: (remote.instances ?? []).join('\n'),
    command: remote.command ?? '',
    args: remote.args.join('\n'),
    env: Object.entries(remote.env)
      .filter(([k]) => !looksLikeCredentialEnv(k))
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    secretEnv: Object.keys(remote.env)
      .filter(looksLikeCredentialEnv)
      .map((name) => ({ key: rowKey++, name, value: '', hasStoredValue: remote.envHasValue?.[name] === true })),
    cwd: remote.cwd ?? '',
    headers: remote.headers.map((h) => ({
      key: rowKey++,
      name: h.name,
      value: h.is_secret ? '' : h.value,
      description: h.description,
      required: h.is_required,
      secret: h.is_secret,
      hasStoredValue: h.is_secret && h.has_value === true,
      clearValue: false,
      originalName: h.name,
    })),
    connectMs: remote.timeouts.connectMs?.toString() ?? '',
    requestMs: remote.timeouts.requestMs?.toString() ?? '',
    maxMessageMb: remote.maxMessageBytes ? messageLimitMegabytes(remote.maxMessageBytes) : '',
    caFiles: remote.tls.caFiles.join('\n'),
    acceptInvalidCertificates: remote.tls.acceptInvalidCertificates,
    protocolEra: remote.protocolEra,
    protocolVersion: remote.protocolVersion ?? '',
    reinitializeOnSessionExpiry: remote.reinitializeOnSessionExpiry !== false,
    oauth: oauthFormFromRemote(remote),
    notes: remote.notes,
  };
}

export interface FormCheck {
  input: RemoteInput | undefined;
  /** Messages by field path, e.g. "url", "headers.1.name", "" for the whole remote. */
  errors: Record<string, string[]>;
  warnings: string[];
}

/** Converts the form to what remotes:create/update take, with every problem in plain words. */
export function checkForm(state: RemoteFormState): FormCheck {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

  // Stored secrets first ('' keeps the keychain value); a line in the text field wins over them.
  const env: Record<string, string> = Object.fromEntries(state.secretEnv.map((row) => [row.name, row.value]));
  for (const line of lines(state.env)) {
    const eq = line.indexOf('=');
    if (eq <= 0) add('env', `"${line}" is not KEY=VALUE`);
    else env[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  const timeouts: { connectMs?: number; requestMs?: number } = {};
  for (const field of ['connectMs', 'requestMs'] as const) {
    const raw = state[field].trim();
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) add(`timeouts.${field}`, 'Enter a whole number of milliseconds above 0, or leave empty for the default');
    else if (n > MAX_TIMEOUT_MS) add(`timeouts.${field}`, `Enter ${TIMEOUT_LIMIT_TEXT}`);
    else timeouts[field] = n;
  }
  const stdio = state.transport === 'stdio';
  // A stdio server's messages are bounded by its read buffer instead (the field is not shown).
  const maxMessageBytes = stdio || state.maxMessageMb.trim() === '' ? undefined : messageLimitBytes(state.maxMessageMb);
  const limitProblem = stdio ? undefined : messageLimitProblem(state.maxMessageMb);
  if (limitProblem) add('maxMessageBytes', limitProblem);
  const instances = instanceLines(state.instances);
  const input: RemoteInput = {
    name: state.name,
    transport: state.transport,
    url: stdio ? undefined : state.url.trim() || undefined,
    instances: stdio ? [] : instances.map((l) => l.text),
    command: stdio ? state.command.trim() || undefined : undefined,
    args: stdio ? lines(state.args) : [],
    env: stdio ? env : {},
    cwd: stdio ? state.cwd.trim() || undefined : undefined,
    timeouts,
    tls: { caFiles: lines(state.caFiles), acceptInvalidCertificates: state.acceptInvalidCertificates },
    protocolEra: state.protocolEra,
    protocolVersion: state.protocolVersion.trim() || undefined,
    ...(state.reinitializeOnSessionExpiry ? {} : { reinitializeOnSessionExpiry: false }),
    ...(maxMessageBytes ? { maxMessageBytes } : {}),
    // OAuth applies to HTTP remotes only (a stdio or WebSocket remote keeps none).
    ...(stdio || state.transport === 'websocket' ? {} : oauthDraft(state.oauth, add)),
    notes: state.notes,
    // HTTP headers mean nothing to a local process, and its form does not show them: a row left
    // from another transport must not block Save with a problem no field can fix.
    headers: (stdio ? [] : state.headers).map((h) => ({
      name: h.name.trim(),
      // Secret left blank with a stored value: send nothing, so the keychain keeps it.
      value: headerIsSecret(h) && h.value === '' && h.hasStoredValue ? undefined : h.value,
      description: h.description,
      is_required: h.required,
      is_secret: headerIsSecret(h),
      previousName: h.originalName !== undefined && h.originalName !== h.name.trim() ? h.originalName : undefined,
      clearValue: h.clearValue || undefined,
    })),
  };
  const check = checkRemoteDraft(input);
  if (!check.ok) {
    for (const issue of check.issues) {
      // An instance's message names its line in the text field, where the user sees it.
      if (issue.path[0] === 'instances' && typeof issue.path[1] === 'number') {
        const line = instances[issue.path[1]]?.line ?? issue.path[1] + 1;
        add('instances', `Line ${line}: ${issue.message.replace(/^Instance \d+: /, '').replace(/instance (\d+)/, (_m, n: string) => `line ${instances[Number(n) - 1]?.line ?? n}`)}.`);
      } else add(issue.path.join('.'), issue.message);
    }
  }
  return { input: Object.keys(errors).length === 0 ? input : undefined, errors, warnings: check.warnings };
}

/** The non-blank lines of the instances field, each with its 1-based line number. */
export function instanceLines(text: string): Array<{ text: string; line: number }> {
  return text
    .split('\n')
    .map((raw, index) => ({ text: raw.trim(), line: index + 1 }))
    .filter((l) => l.text !== '');
}
