import * as z from 'zod';
import { ConnectionInfo } from '../model/connection';
import { DoctorProgressEvent } from '../model/doctor';
import { LoadEndedEvent, LoadProgressEvent } from '../model/load-run';
import { LogMessage } from '../model/log-message';
import { PendingServerRequest, SettledServerRequest } from '../model/server-request';
import { TaskStatusUpdate } from '../model/task';
import { TraceEntry } from '../model/trace';

/** Events from main, one union keyed on `type`. */
export const MainEvent = z.discriminatedUnion('type', [
  /** New entries of one connection, batched: at most about one message per frame. */
  z.object({ type: z.literal('trace'), connectionId: z.string(), entries: z.array(TraceEntry) }),
  z.object({ type: z.literal('connection-state'), info: ConnectionInfo }),
  /** The saved remotes changed (here, in another window or from the CLI): list them again. */
  z.object({ type: z.literal('remotes-changed') }),
  /** Something the user must hear about that is not the answer to a call. */
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** A notifications/progress of a call started with a callId (MCP 2025-06-18 basic/utilities/progress). */
  z.object({
    type: z.literal('call-progress'),
    connectionId: z.string(),
    callId: z.string(),
    progress: z.number(),
    total: z.number().optional(),
    message: z.string().optional(),
  }),
  /** A notifications/resources/updated for a resource the user subscribed to (connections:subscribe-resource). */
  z.object({ type: z.literal('resource-updated'), connectionId: z.string(), uri: z.string(), at: z.number() }),
  /**
   * 2026-07-28: the server ended the subscriptions/listen stream of a subscribed resource, with the
   * empty subscriptions/listen response (`graceful`) or without it (`remote`: closed or dropped).
   */
  z.object({ type: z.literal('resource-subscription-ended'), connectionId: z.string(), uri: z.string(), how: z.enum(['graceful', 'remote']) }),
  /** A status change of a call run as a task (connections:call-tool with asTask and a callId). */
  z.object({ type: z.literal('task-status'), connectionId: z.string(), callId: z.string(), update: TaskStatusUpdate }),
  /** New server log messages of one connection, batched; `dropped` is the buffer's running count. */
  z.object({ type: z.literal('log-messages'), connectionId: z.string(), messages: z.array(LogMessage), dropped: z.number().int() }),
  /** A server asked the client something that waits for the user (see server-requests:answer). */
  z.object({ type: z.literal('server-request'), request: PendingServerRequest }),
  /** A server request was answered (by the user, the policy, the app) or ended unanswered. */
  z.object({ type: z.literal('server-request-settled'), record: SettledServerRequest }),
  /** How far a load run is, at most about 10 a second, with the latencies measured since the last one. */
  LoadProgressEvent,
  /** A load run ended: its result (partial when cancelled) or why it could not run, and its samples (bounded). */
  LoadEndedEvent,
  /** The connection doctor is about to check the next instance of a remote (doctor:run still runs). */
  DoctorProgressEvent,
]);
export type MainEvent = z.infer<typeof MainEvent>;
export type MainEventType = MainEvent['type'];
