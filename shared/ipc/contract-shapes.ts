import * as z from 'zod';
import { ErrorInfo } from '../model/error-info';
import { TraceEntry } from '../model/trace';
import { Remote } from '../model/remote';
import { LatencySamples, MetricsSnapshot } from '../model/metrics';
import { LogLevel, LogMessage } from '../model/log-message';
import { TaskStatus, TaskStatusUpdate } from '../model/task';
import { BundleRemote, BundleVersions } from '../model/repro-bundle';

/** The value shapes the IPC contract's channels take and return (see contract.ts). */
export const Id = z.string().min(1).max(200);
export const NoInput = z.void();
export const Done = z.void();

/** A dialog the user closed without choosing a file. */
export const Cancelled = z.object({ cancelled: z.literal(true) });

/** MCP results pass through as the server sent them; only the fields the UI relies on are named. */
export const Tool = z.looseObject({
  name: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.record(z.string(), z.unknown()).optional(),
});
/** A list item the server sent that breaks the MCP schema (shared/model/invalid-list-item.ts). */
export const InvalidListItem = z.object({ index: z.number().int().min(0).optional(), name: z.string().optional(), problems: z.array(z.string()) });
export const Resource = z.looseObject({ uri: z.string(), name: z.string().optional(), mimeType: z.string().optional() });
export const ResourceTemplate = z.looseObject({ uriTemplate: z.string(), name: z.string().optional(), mimeType: z.string().optional() });
/** What completion/complete completes: a prompt's argument or a resource template's variable. */
export const CompletionRef = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ref/prompt'), name: z.string().min(1) }),
  z.object({ type: z.literal('ref/resource'), uri: z.string().min(1) }),
]);
export const Prompt = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  arguments: z.array(z.looseObject({ name: z.string(), required: z.boolean().optional() })).optional(),
});
export const McpResult = z.record(z.string(), z.unknown());

/** 16 MiB of argument text: far beyond any real tool call, short of a payload that would stall main. */
export const MAX_ARGUMENTS_CHARS = 16 * 1024 * 1024;

/** A tools/call result and how long it took. */
export const ToolCallOutcome = z.object({
  result: McpResult,
  /** Milliseconds from main receiving the call to the result (progress, input rounds and all). */
  elapsedMs: z.number(),
  /** The round trip of the tools/call request on the wire, in ms (summed over 2026-07-28 rounds). */
  latencyMs: z.number().optional(),
  /** 2026-07-28: how many tools/call requests the call took (more than 1 after input_required). */
  rounds: z.number().int().optional(),
  /** A call run as a task (either era): its id, final status and every status seen; absent when a 2026-07-28 server answered without a task. */
  task: z.object({ taskId: z.string(), status: TaskStatus, history: z.array(TaskStatusUpdate) }).optional(),
});
export type ToolCallOutcome = z.infer<typeof ToolCallOutcome>;

export const RemoteSaved = z.object({ remote: Remote, warnings: z.array(z.string()) });
export type RemoteSaved = z.infer<typeof RemoteSaved>;

/** One entry of an imported file and what became of it. */
export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'skipped']),
  remoteId: z.string().optional(),
  reason: z.string().optional(),
  /** Skipped because a saved remote is the same (name and URL or command): its name. */
  duplicateOf: z.string().optional(),
  warnings: z.array(z.string()).default([]),
  /** An entry that runs a command (stdio): what runs, env NAMES only; imported ones need confirming. */
  command: z
    .object({
      command: z.string(),
      args: z.array(z.string()),
      envNames: z.array(z.string()),
      dangerousEnv: z.array(z.string()),
      cwd: z.string().optional(),
      needsConfirmation: z.boolean(),
    })
    .optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportReport = z.object({ cancelled: z.literal(false), path: z.string(), outcomes: z.array(ImportOutcome) });
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportRequest = z.object({
  /** Every remote when omitted. */
  remoteIds: z.array(Id).optional(),
  /** Secret values are written only when the user explicitly asks for them. */
  includeSecrets: z.boolean().default(false),
});
export const ExportDone = z.object({ cancelled: z.literal(false), path: z.string(), count: z.number().int() });

export const TraceSnapshot = z.object({
  connectionId: z.string(),
  entries: z.array(TraceEntry),
  /** How many older entries the bounded buffer dropped before this snapshot. */
  evicted: z.number().int(),
});
export type TraceSnapshot = z.infer<typeof TraceSnapshot>;

export const SessionSaved = z.object({ cancelled: z.literal(false), path: z.string(), count: z.number().int() });

/** A resource's base64 contents as they may be saved: 96 MiB of text, about 72 MiB of bytes. */
export const MAX_SAVED_BLOB_CHARS = 96 * 1024 * 1024;
export const Base64Blob = z
  .string()
  .max(MAX_SAVED_BLOB_CHARS, 'the contents are too large to save from the window (over 72 MiB)')
  .regex(/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/, 'the contents are not base64');
export const ResourceSaved = z.object({ cancelled: z.literal(false), path: z.string(), bytes: z.number().int().nonnegative() });

/** A saved session file opened offline: read-only, no live connection behind it. */
export const OpenedSession = z.object({
  cancelled: z.literal(false),
  path: z.string(),
  header: z.looseObject({ format: z.string(), version: z.number(), createdAt: z.number().optional() }),
  /** The last entries of the file, as memory keeps them (huge or too-deep payloads cut, with a marker). */
  entries: z.array(TraceEntry),
  /** Older entries left out to keep memory bounded (they are still in the file). */
  evicted: z.number().int().optional(),
  /** Lines that could not be read (too long, damaged); each also stands as an entry. */
  problems: z.array(ErrorInfo).optional(),
  /** Request analytics over every entry of the file (not only those kept above). */
  metrics: MetricsSnapshot.optional(),
  /** The file's last answered requests (up to 100,000), for the latency charts. */
  latencySamples: LatencySamples.optional(),
});
export type OpenedSession = z.infer<typeof OpenedSession>;

/** A connection's server log messages as main keeps them (bounded: older ones dropped, counted). */
export const LogSnapshot = z.object({
  messages: z.array(LogMessage),
  dropped: z.number().int(),
  /** The level last asked for on this connection, if any. */
  level: LogLevel.optional(),
});
export type LogSnapshot = z.infer<typeof LogSnapshot>;

export const PlaygroundInfo = z.object({
  baseUrl: z.string(),
  urls: z.object({ streamable: z.string(), sse: z.string(), websocket: z.string() }),
});
export type PlaygroundInfo = z.infer<typeof PlaygroundInfo>;

/** A HAR 1.2 file written: where, and how many HTTP exchanges it holds. */
export const HarExported = z.object({ cancelled: z.literal(false), path: z.string(), entries: z.number().int() });

/** A repro bundle written (see shared/model/repro-bundle.ts). */
export const BundleSaved = z.object({ cancelled: z.literal(false), path: z.string(), entries: z.number().int(), httpExchanges: z.number().int() });

/**
 * What the summary panel of an opened repro bundle shows: the remote (secrets removed), versions,
 * outcome, and each optional part present (BUNDLE_PARTS) as pretty JSON text, cut for display.
 */
export const BundleSummary = z.object({
  createdAt: z.string(),
  remote: BundleRemote,
  versions: BundleVersions,
  outcome: z.object({ ok: z.boolean(), error: ErrorInfo.optional() }),
  parts: z.array(z.object({ name: z.string(), title: z.string(), json: z.string(), cut: z.boolean() })),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

/** A repro bundle opened offline: its session as a session file opens, plus its summary. */
export const OpenedBundle = OpenedSession.extend({ bundle: BundleSummary });
export type OpenedBundle = z.infer<typeof OpenedBundle>;
