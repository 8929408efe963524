import * as z from 'zod';
import { ErrorInfo } from './error-info';
import { EraDetection, ProtocolEra, ProtocolEraChoice, ProtocolRevision } from './protocol-era';
import { MAX_TIMEOUT_MS, TIMEOUT_LIMIT_TEXT } from './timeout-limit';
import { SignInWaiting } from './remote-oauth';

/** A timeout in ms: a whole number above 0 that a timer can hold. */
export const TimeoutMs = z.number().int().positive().max(MAX_TIMEOUT_MS, `A timeout must be ${TIMEOUT_LIMIT_TEXT}`);

export const TransportKind = z.enum(['streamable', 'sse', 'websocket', 'stdio']);
export type TransportKind = z.infer<typeof TransportKind>;
export const TransportChoice = z.enum(['auto', 'streamable', 'sse', 'websocket', 'stdio']);
export type TransportChoice = z.infer<typeof TransportChoice>;

/** A header as it goes on the wire; `secret` only changes how it is shown and stored. */
export const WireHeader = z.object({ name: z.string(), value: z.string(), secret: z.boolean().optional() });
export type WireHeader = z.infer<typeof WireHeader>;

export const Timeouts = z.object({
  connectMs: TimeoutMs.default(15_000),
  requestMs: TimeoutMs.default(60_000),
  resetOnProgress: z.boolean().default(true),
  maxTotalMs: TimeoutMs.default(600_000),
});
export type Timeouts = z.infer<typeof Timeouts>;

export const TlsOptions = z.object({
  caFiles: z.array(z.string()).default([]),
  acceptInvalidCertificates: z.boolean().default(false),
});
export type TlsOptions = z.infer<typeof TlsOptions>;

/** Everything the engine needs to open one connection (secrets already resolved). */
export const ConnectionTarget = z.object({
  transport: TransportChoice,
  url: z.string().optional(),
  command: z.string().optional(),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
  headers: z.array(WireHeader).default([]),
  timeouts: Timeouts.default(Timeouts.parse({})),
  tls: TlsOptions.default(TlsOptions.parse({})),
  /** Which MCP protocol era to speak; `auto` probes with server/discover, then falls back. */
  protocolEra: ProtocolEraChoice.default('auto'),
  /** Speak exactly this revision (it implies its era). */
  protocolVersion: ProtocolRevision.optional(),
  /** WebSocket: the largest message accepted from the server, in bytes (default 100 MiB, as `ws`). */
  maxMessageBytes: z.number().int().positive().optional(),
  /**
   * Streamable HTTP, 2025 era: when the server answers 404 to the session id (it forgot the
   * session), start a new session and send the request again, as the spec requires (default);
   * off, stop with a `session-expired` error, for debugging the expiry itself.
   */
  reinitializeOnSessionExpiry: z.boolean().default(true),
});
export type ConnectionTarget = z.infer<typeof ConnectionTarget>;
export type ConnectionTargetInput = z.input<typeof ConnectionTarget>;

/**
 * `lost`: it was connected, and the server went away under it (the stream dropped for good, the
 * socket closed, the process exited, requests refused); `error` says why. `closed`: closed on purpose.
 */
export const ConnectionState = z.enum(['connecting', 'connected', 'failed', 'lost', 'closed']);
export type ConnectionState = z.infer<typeof ConnectionState>;

/** One attempt made by transport auto-detection, in order. */
export const DetectionAttempt = z.object({
  transport: TransportKind,
  outcome: z.enum(['ok', 'failed', 'skipped']),
  reason: z.string(),
});
export const Detection = z.object({
  attempts: z.array(DetectionAttempt),
  chosen: TransportKind,
  /** Plain words, e.g. "POST answered 405: this server only speaks legacy SSE; consider migrating". */
  explanation: z.string(),
});
export type Detection = z.infer<typeof Detection>;

/**
 * One phase of a connection's set-up, as an interval from the start of connecting, in ms:
 * `dns` (the host name looked up), `tcp` (the TCP connection), `tls` (the TLS handshake),
 * `first-byte` (from the first request's bytes leaving on the new socket to its response
 * headers), `authorization` (signing in with OAuth: from the server's 401 challenge to the new
 * access token; only when it happened), `handshake` (the initialize or server/discover round
 * trip that made the session).
 * Phases may overlap: the handshake's request is what opened the socket.
 */
export const SetupPhase = z.object({
  phase: z.enum(['dns', 'tcp', 'tls', 'first-byte', 'authorization', 'handshake']),
  startMs: z.number(),
  durationMs: z.number(),
  /** e.g. "initialize" or "server/discover" for the handshake, the address for tcp. */
  detail: z.string().optional(),
});
export type SetupPhase = z.infer<typeof SetupPhase>;

/** How a connection came up: its phases and the whole time from "connecting" to "connected". */
export const ConnectionSetup = z.object({
  totalMs: z.number(),
  phases: z.array(SetupPhase),
  /** Why a phase is not there, in plain words (e.g. "the host is an IP address: nothing to look up"). */
  notes: z.array(z.string()).default([]),
});
export type ConnectionSetup = z.infer<typeof ConnectionSetup>;

export const ServerInfo = z.object({ name: z.string(), version: z.string(), title: z.string().optional() });

export const ConnectionInfo = z.object({
  connectionId: z.string(),
  label: z.string(),
  state: ConnectionState,
  transport: TransportKind.optional(),
  detection: Detection.optional(),
  url: z.string().optional(),
  serverInfo: ServerInfo.optional(),
  protocolVersion: z.string().optional(),
  era: ProtocolEra.optional(),
  /** The revisions the server offered in its server/discover result (modern era). */
  supportedVersions: z.array(z.string()).optional(),
  eraDetection: EraDetection.optional(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
  instructions: z.string().optional(),
  sessionId: z.string().optional(),
  /** e.g. "TLS certificate checks are OFF for this connection". */
  warnings: z.array(z.string()).default([]),
  error: ErrorInfo.optional(),
  connectedAt: z.number().optional(),
  /** The set-up broken down (DNS, TCP, TLS, first byte, handshake), when it was measured. */
  setup: ConnectionSetup.optional(),
  /** Connecting, and waiting for the user to sign in in the system browser (OAuth authorization code). */
  signIn: SignInWaiting.optional(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfo>;
