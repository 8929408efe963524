import type { HeaderDraft, Remote, RemoteInput } from '../../../shared/model';
import { looksLikeCredentialEnv, looksLikeCredentialHeader, MAX_TIMEOUT_MS, MESSAGE_LIMIT_RANGE_TEXT, messageLimitBytes, messageLimitProblem, TIMEOUT_LIMIT_TEXT } from '../../../shared/model';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';

/** Options shared by `remotes add` and `remotes edit`, as commander hands them over. */
export interface RemoteCliOptions {
  transport?: string;
  url?: string;
  name?: string;
  header: string[];
  secret: string[];
  /** stdio env variables whose values are secrets (prompted for or read with --secret-stdin, after the --secret values). */
  secretEnv: string[];
  removeEnv: string[];
  secretStdin?: boolean;
  removeHeader: string[];
  renameHeader: string[];
  clearSecret: string[];
  command?: string;
  arg: string[];
  env: string[];
  cwd?: string;
  caFile: string[];
  /** A group's other instances (--instance, repeatable). */
  instance?: string[];
  /** false with --no-instances: edit drops the group's instances. */
  instances?: boolean;
  insecure?: boolean;
  connectTimeout?: string;
  requestTimeout?: string;
  /** The message size limit in megabytes (--max-message-mb). */
  maxMessageMb?: string;
  notes?: string;
  protocolEra?: 'auto' | 'modern' | 'legacy';
  protocolVersion?: string;
}

/**
 * `secrets` holds the values read for --secret headers; `envSecrets` those for --secret-env
 * variables (never from argv).
 */
export function buildAddDraft(name: string, url: string | undefined, o: RemoteCliOptions, secrets: Map<string, string>, envSecrets = new Map<string, string>()): RemoteInput {
  const headers: HeaderDraft[] = o.header.map((h) => ({ ...parseHeaderOption(h), description: '', is_required: true, is_secret: false }));
  for (const [headerName, value] of secrets) headers.push({ name: headerName, value, description: '', is_required: true, is_secret: true });
  const transport = o.transport ?? (o.command ? 'stdio' : 'auto');
  return {
    name,
    transport: transport as RemoteInput['transport'],
    url: transport === 'stdio' ? undefined : url,
    instances: transport === 'stdio' ? [] : (o.instance ?? []),
    command: o.command,
    args: o.arg,
    env: { ...parseEnv(o.env), ...Object.fromEntries(envSecrets) },
    cwd: o.cwd,
    headers,
    timeouts: timeoutsFrom(o, {}),
    tls: { caFiles: o.caFile, acceptInvalidCertificates: o.insecure ?? false },
    ...eraFields(o, { protocolEra: 'auto' }),
    ...messageLimitFrom(o, undefined),
    notes: o.notes ?? '',
  };
}

export function buildEditDraft(current: Remote, o: RemoteCliOptions, secrets: Map<string, string>, envSecrets = new Map<string, string>()): RemoteInput {
  let headers: HeaderDraft[] = current.headers.map((h) => ({
    name: h.name,
    previousName: h.name,
    description: h.description,
    is_required: h.is_required,
    is_secret: h.is_secret,
    value: h.is_secret ? undefined : h.value,
  }));
  const find = (name: string) => headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
  const mustFind = (name: string) => find(name) ?? fail(`Remote "${current.name}" has no header "${name}".`);

  for (const name of o.removeHeader) {
    const doomed = mustFind(name);
    headers = headers.filter((h) => h !== doomed);
  }
  for (const pair of o.renameHeader) {
    const [from, to] = pair.split('=');
    if (!from || !to) fail(`--rename-header expects Old=New, got "${pair}".`);
    mustFind(from).name = to.trim();
  }
  for (const option of o.header) {
    const { name, value } = parseHeaderOption(option);
    const existing = find(name);
    if (existing?.is_secret) fail(`Header "${name}" is secret; set its value with --secret ${name} (prompt or --secret-stdin).`);
    if (existing) existing.value = value;
    else headers.push({ name, value, description: '', is_required: true, is_secret: false });
  }
  for (const [name, value] of secrets) {
    const existing = find(name);
    if (existing) Object.assign(existing, { value, is_secret: true });
    else headers.push({ name, value, description: '', is_required: true, is_secret: true });
  }
  for (const name of o.clearSecret) Object.assign(mustFind(name), { clearValue: true, value: undefined });

  const transport = (o.transport ?? current.transport) as RemoteInput['transport'];
  return {
    name: o.name ?? current.name,
    transport,
    url: transport === 'stdio' ? undefined : (o.url ?? current.url),
    instances: transport === 'stdio' || o.instances === false ? [] : o.instance?.length ? o.instance : current.instances,
    command: o.command ?? current.command,
    args: o.arg.length > 0 ? o.arg : current.args,
    env: editedEnv(current, o, envSecrets),
    cwd: o.cwd ?? current.cwd,
    headers,
    timeouts: timeoutsFrom(o, current.timeouts),
    tls: {
      caFiles: o.caFile.length > 0 ? o.caFile : current.tls.caFiles,
      acceptInvalidCertificates: o.insecure ?? current.tls.acceptInvalidCertificates,
    },
    ...eraFields(o, current),
    ...messageLimitFrom(o, current.maxMessageBytes),
    // No option edits these: they are kept as they are (the draft replaces the whole remote).
    ...(current.reinitializeOnSessionExpiry === false ? { reinitializeOnSessionExpiry: false } : {}),
    ...(current.oauth ? { oauth: current.oauth } : {}),
    notes: o.notes ?? current.notes,
  };
}

/** --max-message-mb in bytes, else the saved limit (none: the default). */
function messageLimitFrom(o: RemoteCliOptions, saved: number | undefined): Pick<RemoteInput, 'maxMessageBytes'> {
  if (o.maxMessageMb === undefined) return saved ? { maxMessageBytes: saved } : {};
  const bytes = messageLimitBytes(o.maxMessageMb);
  if (bytes === undefined) fail(`--max-message-mb: ${messageLimitProblem(o.maxMessageMb) ?? `expects ${MESSAGE_LIMIT_RANGE_TEXT}`}.`);
  return { maxMessageBytes: bytes };
}

/**
 * The era setting and pinned version go together: give --protocol-era or --protocol-version and
 * the pair is replaced (the one not given becomes auto / unpinned), as on a connecting command;
 * give neither and the remote keeps its own. Disagreement is reported by the remote rules.
 */
function eraFields(o: RemoteCliOptions, current: Pick<Remote, 'protocolEra' | 'protocolVersion'>): Pick<RemoteInput, 'protocolEra' | 'protocolVersion'> {
  if (!o.protocolEra && !o.protocolVersion) {
    return { protocolEra: current.protocolEra, ...(current.protocolVersion ? { protocolVersion: current.protocolVersion } : {}) };
  }
  return { protocolEra: o.protocolEra ?? 'auto', ...(o.protocolVersion ? { protocolVersion: o.protocolVersion } : {}) };
}

/** "X-Env: staging" → { name, value }. Credentials are refused here: argv is public. */
export function parseHeaderOption(option: string): { name: string; value: string } {
  const colon = option.indexOf(':');
  if (colon <= 0) fail(`--header expects "Name: value", got "${option}".`);
  const name = option.slice(0, colon).trim();
  if (looksLikeCredentialHeader(name)) {
    fail(
      `Header "${name}" looks like a credential, and command-line arguments are visible to other users in the process list.`,
      `Use --secret ${name} instead: you are prompted for the value, or it is read from standard input with --secret-stdin.`,
    );
  }
  return { name, value: option.slice(colon + 1).trim() };
}

/**
 * --env replaces the plain variables; stored secret ones stay ('' keeps the keychain value)
 * unless --remove-env names them; --secret-env sets new values.
 */
function editedEnv(current: Remote, o: RemoteCliOptions, envSecrets: Map<string, string>): Record<string, string> {
  const kept = o.env.length > 0 ? Object.fromEntries(Object.entries(current.env).filter(([name]) => looksLikeCredentialEnv(name))) : current.env;
  const env: Record<string, string> = { ...kept, ...parseEnv(o.env), ...Object.fromEntries(envSecrets) };
  for (const name of o.removeEnv) {
    if (!(name in env)) fail(`Remote "${current.name}" has no environment variable "${name}".`);
    delete env[name];
  }
  return env;
}

/** KEY=value pairs; credential-looking names are refused here: argv is public. */
function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(`--env expects KEY=value, got "${pair}".`);
    const name = pair.slice(0, eq);
    if (looksLikeCredentialEnv(name)) {
      fail(
        `Environment variable "${name}" looks like a credential, and command-line arguments are visible to other users in the process list.`,
        `Use --secret-env ${name} instead: you are prompted for the value, or it is read from standard input with --secret-stdin.`,
      );
    }
    env[name] = pair.slice(eq + 1);
  }
  return env;
}

function timeoutsFrom(o: RemoteCliOptions, base: Remote['timeouts']): Remote['timeouts'] {
  const out = { ...base };
  if (o.connectTimeout !== undefined) out.connectMs = positiveInt('--connect-timeout', o.connectTimeout);
  if (o.requestTimeout !== undefined) out.requestMs = positiveInt('--request-timeout', o.requestTimeout);
  return out;
}

function positiveInt(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`${flag} expects a whole number of milliseconds, got "${raw}".`);
  if (n > MAX_TIMEOUT_MS) fail(`${flag} is too long ("${raw}"): give ${TIMEOUT_LIMIT_TEXT}.`);
  return n;
}

function fail(message: string, hint = 'Run `periscope remotes --help` for the options.'): never {
  throw new PeriscopeError({ kind: 'invalid-input', message, hint });
}
