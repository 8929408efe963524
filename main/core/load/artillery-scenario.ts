import { stringify } from 'yaml';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { REDACTED } from '../capture/redaction';
import type { LoadPlan } from './load-run';

/** One request as it went on the wire: its (redacted) headers and its JSON-RPC body. */
export interface CapturedPost {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export interface ArtilleryExport {
  /** The scenario file's text (YAML, with a comment on how to run it). */
  text: string;
  /** Environment variables the scenario reads instead of secret values: name → what it stands for. */
  env: Record<string, string>;
}

/** Headers the scenario leaves to Artillery's HTTP client, or sets per virtual user. */
const DROPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'mcp-session-id']);
const SESSION_VARIABLE = 'mcpSessionId';

/**
 * The requests of a load run, found in its connection's trace: the last POST of `method` (with
 * `name`, for tools/call and prompts/get) and, for a 2025-era connection, the initialize request and
 * the initialized notification before it. Throws a PeriscopeError (`invalid-input`) when the
 * connection did not speak Streamable HTTP (Artillery's HTTP engine reproduces only that).
 */
export function capturedRequests(entries: readonly TraceEntry[], method: string, name?: string): { request: CapturedPost; handshake: CapturedPost[] } {
  const posts = entries.filter((e): e is HttpEntry => e.type === 'http' && e.method === 'POST' && e.requestBody !== undefined);
  const parsed = posts.flatMap((entry) => {
    const body = parseObject(entry.requestBody!);
    return body ? [{ url: entry.url, headers: entry.requestHeaders, body }] : [];
  });
  const request = parsed.findLast((post) => post.body.method === method && (name === undefined || nameOf(post.body) === name));
  if (!request) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `No ${method} request went out over Streamable HTTP on this connection, so there is nothing to export as an Artillery scenario.`,
      hint: 'Artillery reproduces Streamable HTTP requests: connect over Streamable HTTP (transport "streamable") and run the load again.',
    });
  }
  const handshake = ['initialize', 'notifications/initialized'].flatMap((step) => parsed.filter((post) => post.body.method === step).slice(-1));
  const inSession = Object.keys(request.headers).some((header) => header.toLowerCase() === 'mcp-session-id');
  if (inSession && !handshake.some((post) => post.body.method === 'initialize')) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: "This 2025-era connection's initialize request is no longer in memory (the trace keeps the latest entries), so the scenario could not open its sessions.",
      hint: 'Reconnect, run the load again, and export it then.',
    });
  }
  return { request, handshake };
}

/**
 * An Artillery 2 test script that sends the same requests as a Periscope load run: the captured
 * request's exact body (a fresh JSON-RPC id per request) and headers, secret values as
 * `{{ $env.NAME }}` references (never the values), a 2025-era session opened per virtual user with
 * the captured initialize and its `Mcp-Session-Id` captured from the answer. The plan maps as:
 * N requests at concurrency C → C virtual users each looping ⌈N / C⌉ times; a fixed rate R → R
 * arrivals per second, one request each, for N / R seconds or the duration. A duration without a
 * rate has no Artillery equivalent without custom code: refused (`invalid-input`). Warm-up requests
 * are not exported (Artillery counts every request).
 * Artillery script reference: https://www.artillery.io/docs/reference/test-script
 */
export function artilleryScenario(captured: { request: CapturedPost; handshake: CapturedPost[] }, plan: LoadPlan, label: string): ArtilleryExport {
  const env: Record<string, string> = {};
  const url = new URL(captured.request.url);
  if (url.username || url.password || url.host.includes(REDACTED)) {
    throw new PeriscopeError({ kind: 'invalid-input', message: 'The server URL carries credentials in its host part, which an Artillery target cannot take from the environment.', hint: 'Send the credentials in a header instead (Authorization), then export again.' });
  }
  const path = withEnv(`${url.pathname}${url.search}`, env, 'PERISCOPE_URL_SECRET');
  const session = captured.handshake.length > 0;
  const headerNames = new Map<string, string>();
  const post = (request: CapturedPost, options: { captureSession?: boolean; freshId?: boolean } = {}) => ({
    post: {
      url: path,
      headers: {
        ...headersWithEnv(request.headers, env, headerNames),
        ...(session && !options.captureSession ? { 'mcp-session-id': `{{ ${SESSION_VARIABLE} }}` } : {}),
      },
      json: bodyWithEnv(options.freshId && 'id' in request.body ? { ...request.body, id: '{{ $randomString(16) }}' } : request.body, env),
      ...(options.captureSession ? { capture: [{ header: 'mcp-session-id', as: SESSION_VARIABLE }] } : {}),
    },
  });
  const handshake = captured.handshake.map((request) => post(request, { captureSession: request.body.method === 'initialize' }));
  const { phases, perUser } = phasesOf(plan);
  const call = post(captured.request, { freshId: true });
  // A 2025-era session is ended as the engine ends its own (DELETE), so a long run leaves none behind.
  const endSession = session ? [{ delete: { url: path, headers: { 'mcp-session-id': `{{ ${SESSION_VARIABLE} }}`, ...protocolVersionHeader(captured.request.headers) } } }] : [];
  const flow = [...handshake, perUser > 1 ? { loop: [call], count: perUser } : call, ...endSession];
  const script = { config: { target: url.origin, phases, http: { timeout: 30 } }, scenarios: [{ name: label, flow }] };
  const envLines = Object.entries(env).map(([name, what]) => `#   ${name}: ${what}`);
  const header = [
    `# Artillery scenario exported by MCP Periscope: ${label}`,
    `# ${describePlan(plan, perUser)}${session ? '; each virtual user opens its own 2025-era session first' : ''}.`,
    ...(envLines.length ? ['# Secret values are read from the environment, never stored here:', ...envLines] : []),
    `# Run: ARTILLERY_DISABLE_TELEMETRY=true ${Object.keys(env).map((name) => `${name}=…`).join(' ')}${envLines.length ? ' ' : ''}npx artillery run <this file>`,
  ];
  return { text: `${header.join('\n')}\n${stringify(script, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`, env };
}

/** Refuses, before anything runs, a plan the export cannot express (see artilleryScenario). */
export function checkArtilleryPlan(plan: LoadPlan): void {
  phasesOf(plan);
}

function protocolVersionHeader(headers: Record<string, string>): Record<string, string> {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'mcp-protocol-version');
  return entry ? { [entry[0]]: entry[1] } : {};
}

function phasesOf(plan: LoadPlan): { phases: Array<Record<string, number | string>>; perUser: number } {
  if (plan.ratePerS !== undefined) {
    const seconds = plan.durationMs !== undefined ? plan.durationMs / 1000 : (plan.count ?? 0) / plan.ratePerS;
    const duration = Math.max(1, Math.ceil(seconds));
    return { phases: [{ name: 'fixed rate', duration, arrivalCount: Math.max(1, Math.round(plan.ratePerS * seconds)) }], perUser: 1 };
  }
  if (plan.count === undefined) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: 'A load run for a duration without a fixed rate has no Artillery equivalent (Artillery sends by arrival rate or by count).',
      hint: 'Add a rate (requests per second) or a number of requests, then export again.',
    });
  }
  return { phases: [{ name: 'workers', duration: 1, arrivalCount: plan.concurrency }], perUser: Math.ceil(plan.count / plan.concurrency) };
}

function describePlan(plan: LoadPlan, perUser: number): string {
  if (plan.ratePerS !== undefined) return `${plan.ratePerS} requests per second${plan.durationMs !== undefined ? ` for ${plan.durationMs / 1000} s` : `, ${plan.count} requests`}`;
  const total = perUser * plan.concurrency;
  return `${plan.count} requests by ${plan.concurrency} virtual users (${perUser} each${total !== plan.count ? `: ${total} in all, the count rounded up to whole loops` : ''})`;
}

/** The headers as captured, a redacted value replaced by an environment reference named for its header. */
function headersWithEnv(headers: Record<string, string>, env: Record<string, string>, named: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    out[name] = withEnv(value, env, `PERISCOPE_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, `the ${name} header`, named);
  }
  return out;
}

/** A body with every redacted string value (a secret the arguments carried) read from the environment. */
function bodyWithEnv(body: Record<string, unknown>, env: Record<string, string>): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes(REDACTED) ? withEnv(value, env, 'PERISCOPE_ARGUMENT_SECRET', 'a secret value in the request body') : value;
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return walk(body) as Record<string, unknown>;
}

/**
 * Each `[redacted]` in `text` becomes `{{ $env.NAME }}` (NAME, NAME_2, …), recorded in `env`. With
 * `named`, the n-th secret of the same `what` (a header the connection sent with every request, its
 * value the same each time) keeps the name it was given first.
 */
function withEnv(text: string, env: Record<string, string>, base: string, what = 'a secret value in the URL', named?: Map<string, string>): string {
  let index = 0;
  const names: string[] = [];
  const written = text.split(REDACTED).reduce((out, part) => {
    index++;
    const key = `${what}\u0000${index}`;
    const name = named?.get(key) ?? (index === 1 && !(base in env) ? base : uniqueName(base, env));
    named?.set(key, name);
    names.push(name);
    return `${out}{{ $env.${name} }}${part}`;
  });
  // "Bearer {{ $env.X }}": X holds the secret alone, which the comment must say (else X=Bearer … sends "Bearer Bearer …").
  const alone = names.length === 1 && written === `{{ $env.${names[0]} }}`;
  for (const name of names) env[name] = alone ? what : `${what}, the secret alone: the file sends ${JSON.stringify(written)}`;
  return written;
}

function uniqueName(base: string, env: Record<string, string>): string {
  for (let n = 2; ; n++) if (!(`${base}_${n}` in env)) return `${base}_${n}`;
}

/** The tool or prompt name, or the resource URI, a request is about. */
function nameOf(body: Record<string, unknown>): unknown {
  const params = body.params as Record<string, unknown> | undefined;
  return params?.name ?? params?.uri;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
