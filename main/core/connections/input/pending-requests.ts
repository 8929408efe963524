import { randomUUID } from 'node:crypto';
import { SdkErrorCode } from '@modelcontextprotocol/client';
import {
  answerFits,
  type AnsweredBy,
  type PendingServerRequest,
  type ServerRequestAnswer,
  type ServerRequestOutcome,
  type SettledServerRequest,
} from '../../../../shared/model/server-request';
import { PeriscopeError } from '../../diagnostics/periscope-error';
import { keepNewest } from '../../../../shared/collections/keep-newest';

/** What the registry tells its listener: a question arrived, or one was settled. */
export type PendingRequestEvent = { type: 'pending'; request: PendingServerRequest } | { type: 'settled'; record: SettledServerRequest };

/** A question as the client-input handlers hand it over (no id or arrival time yet). */
export type Question = Omit<PendingServerRequest, 'id' | 'arrivedAt'>;

/** Why a pending request ended without an answer from the user. */
export class RequestWithdrawnError extends Error {
  constructor(
    message: string,
    readonly outcome: 'withdrawn' | 'connection-ended',
  ) {
    super(message);
    this.name = 'RequestWithdrawnError';
  }
}

/** A pending request and the answer it got. */
export interface Answered {
  request: PendingServerRequest;
  answer: ServerRequestAnswer;
}

/** A question refused because too many were already waiting on its connection. */
export class TooManyPendingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TooManyPendingError';
  }
}

interface Waiting {
  request: PendingServerRequest;
  resolve(answer: ServerRequestAnswer): void;
  reject(error: RequestWithdrawnError): void;
}

/**
 * How many questions one connection may have waiting at once. A server that asks more (a loop, a
 * hostile flood) gets an error for each extra one, recorded as not asked: a person answers a
 * few questions, not a thousand forms.
 */
export const MAX_PENDING_PER_CONNECTION = 20;

/** How many settled requests each connection keeps for the history (the trace keeps them all). */
export const HISTORY_PER_CONNECTION = 200;
/** How many connections' histories are kept (the oldest connection's goes first). */
export const HISTORY_CONNECTIONS = 50;

/**
 * Server requests waiting for the user, and the history of those settled. Each question parks
 * here (`ask`) until the renderer answers it (`answer`), the server withdraws it (its request is
 * aborted: notifications/cancelled in the 2025 era, the client's own call cancelled in
 * 2026-07-28), or its connection ends (`endConnection`). Every settlement, including those made
 * without asking (`record`: the remote's policy, the roots list), is announced, so nothing is
 * answered silently.
 */
export class PendingRequests {
  private readonly waiting = new Map<string, Waiting>();
  private readonly settled = new Map<string, SettledServerRequest[]>();
  private readonly listeners = new Set<(event: PendingRequestEvent) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Parks a question until it is answered. Resolves with the user's answer (already checked to fit
   * the method); rejects with a RequestWithdrawnError when `signal` aborts or the connection ends.
   */
  ask(question: Question, signal: AbortSignal): Promise<Answered> {
    const request: PendingServerRequest = { ...question, id: randomUUID(), arrivedAt: this.now() };
    const waitingHere = [...this.waiting.values()].filter((w) => w.request.connectionId === question.connectionId).length;
    if (waitingHere >= MAX_PENDING_PER_CONNECTION) {
      const why = `Not asked: ${MAX_PENDING_PER_CONNECTION} requests from this server were already waiting for an answer; answer or cancel those first.`;
      this.record(request, { outcome: 'error', answeredBy: 'app', source: why });
      return Promise.reject(new TooManyPendingError(why));
    }
    if (signal.aborted) return Promise.reject(this.withdraw(request, 'withdrawn', withdrawnText(request)));
    return new Promise<Answered>((resolve, reject) => {
      const onAbort = () => {
        if (!this.waiting.delete(request.id)) return;
        // The SDK aborts every request handler with "Connection closed" when its transport closes.
        if ((signal.reason as { code?: unknown } | undefined)?.code === SdkErrorCode.ConnectionClosed) {
          reject(this.withdraw(request, 'connection-ended', 'Not answered: the connection closed while the question was waiting.'));
        } else {
          reject(this.withdraw(request, 'withdrawn', withdrawnText(request)));
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(request.id, {
        request,
        resolve: (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve({ request, answer });
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      this.emit({ type: 'pending', request });
    });
  }

  /**
   * The user's answer to a pending request. Throws `not-found` when it is no longer pending (the
   * server withdrew it, the connection ended, another window answered) and `invalid-input` when
   * the answer does not fit the method (e.g. `reply` to an elicitation). The settlement itself is
   * recorded by the caller, which knows what was sent (see `record`).
   */
  answer(id: string, answer: ServerRequestAnswer): PendingServerRequest {
    const waiting = this.waiting.get(id);
    if (!waiting) {
      throw new PeriscopeError({
        kind: 'not-found',
        message: 'This request from the server is no longer waiting for an answer.',
        hint: 'The server withdrew it or its connection ended; the history below says which.',
        detail: { id },
      });
    }
    if (!answerFits(waiting.request.method, answer.action)) {
      throw new PeriscopeError({
        kind: 'invalid-input',
        message: `"${answer.action}" is not an answer to ${waiting.request.method}.`,
        hint: 'An elicitation takes accept, decline or cancel; a sampling request takes reply or reject.',
      });
    }
    this.waiting.delete(id);
    waiting.resolve(answer);
    return waiting.request;
  }

  /** Ends every pending request of a connection that closed, failed or was lost. */
  endConnection(connectionId: string, why: string): void {
    for (const [id, waiting] of this.waiting) {
      if (waiting.request.connectionId !== connectionId) continue;
      this.waiting.delete(id);
      waiting.reject(this.withdraw(waiting.request, 'connection-ended', `Not answered: the connection ended (${why}).`));
    }
  }

  /** Records a settled request (answered by the user, the policy or the app) and announces it. */
  record(request: PendingServerRequest, settlement: { outcome: ServerRequestOutcome; answeredBy: AnsweredBy; source: string; answer?: unknown }): SettledServerRequest {
    const record: SettledServerRequest = { ...request, ...settlement, settledAt: this.now() };
    const list = this.settled.get(request.connectionId) ?? [];
    list.push(record);
    if (list.length > HISTORY_PER_CONNECTION) list.shift();
    this.settled.delete(request.connectionId);
    this.settled.set(request.connectionId, list);
    // Map order is insertion order: re-inserting keeps the most recently active connections last.
    keepNewest(this.settled, HISTORY_CONNECTIONS);
    this.emit({ type: 'settled', record });
    return record;
  }

  /** A question answered without asking: given an id and arrival time, recorded at once. */
  recordImmediate(question: Question, settlement: Parameters<PendingRequests['record']>[1]): SettledServerRequest {
    return this.record({ ...question, id: randomUUID(), arrivedAt: this.now() }, settlement);
  }

  /** What is pending and what was settled on one connection, oldest first. */
  snapshot(connectionId: string): { pending: PendingServerRequest[]; settled: SettledServerRequest[] } {
    const pending = [...this.waiting.values()].map((w) => w.request).filter((r) => r.connectionId === connectionId);
    return { pending, settled: [...(this.settled.get(connectionId) ?? [])] };
  }

  /** Whether a question waited for the user on this connection at any time since `since` (ms since the epoch). */
  askedSince(connectionId: string, since: number): boolean {
    if ([...this.waiting.values()].some((w) => w.request.connectionId === connectionId)) return true;
    return (this.settled.get(connectionId) ?? []).some((r) => r.settledAt >= since && r.answeredBy !== 'policy' && r.answeredBy !== 'app');
  }

  get pendingCount(): number {
    return this.waiting.size;
  }

  onEvent(listener: (event: PendingRequestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private withdraw(request: PendingServerRequest, outcome: RequestWithdrawnError['outcome'], message: string): RequestWithdrawnError {
    this.record(request, { outcome, answeredBy: 'nobody', source: message });
    return new RequestWithdrawnError(message, outcome);
  }

  private emit(event: PendingRequestEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener must not leave a question unanswered or unannounced.
      }
    }
  }
}

function withdrawnText(request: PendingServerRequest): string {
  return request.era === 'modern'
    ? 'Not answered: the call that brought this request ended first (cancelled or timed out).'
    : 'Not answered: the server withdrew its request (it cancelled it or gave up waiting).';
}
