import type { Direction, MessageEntry } from '../../../shared/model/trace';
import { keepNewest } from '../../../shared/collections/keep-newest';

export type RpcId = string | number;

export interface OpenRequest {
  seq: number;
  monoTime: number;
  method: string;
  /** The logical call this request is a round of (2026-07-28 multi-round requests). */
  call?: NonNullable<MessageEntry['call']>;
  /** `params.name` / `params.uri`: matches a retry to its call when the server keeps no state. */
  name?: string;
  /** Told when the request is given up: stops the client's work on its own stream (see stream-stops.ts). */
  streamStop?: { stop(): void };
}

/** What a response's id says about the request it answers. */
export type ResponseMatch =
  /** Its request, and what was off about the id (a warning for the trace), if anything. */
  | { open: OpenRequest; id: RpcId; warning?: string; reassigned?: boolean }
  /** No request is waiting for it. */
  | { orphan: true; warning: string; waiting: RpcId[] };

/** How many given-up requests are remembered for pairing a late answer. */
const MAX_ENDED_REMEMBERED = 256;

/**
 * The requests of one connection awaiting an answer, per side that sent them, plus the ones given
 * up on (cancelled, timed out: a server may still answer, and that late answer is paired too,
 * from a bounded memory). Ids are typed: request id 1 and id "1" are distinct, as JSON-RPC says.
 */
export class OpenRequests {
  private readonly open: Record<Direction, Map<RpcId, OpenRequest>> = { outgoing: new Map(), incoming: new Map() };
  private readonly ended = new Map<string, OpenRequest>();

  add(direction: Direction, id: RpcId, request: OpenRequest): void {
    this.open[direction].set(id, request);
  }

  take(direction: Direction, id: RpcId): OpenRequest | undefined {
    const requests = this.open[direction];
    const open = requests.get(id);
    if (open) requests.delete(id);
    return open;
  }

  delete(direction: Direction, id: RpcId): void {
    this.open[direction].delete(id);
  }

  /** The open request with this id, left open. */
  get(direction: Direction, id: RpcId): OpenRequest | undefined {
    return this.open[direction].get(id);
  }

  /** A request given up on: its own stream is stopped, and a late answer to it is still paired (see match). */
  end(direction: Direction, id: RpcId, request: OpenRequest): void {
    request.streamStop?.stop();
    request.streamStop = undefined;
    this.ended.set(endedKey(direction, id), request);
    keepNewest(this.ended, MAX_ENDED_REMEMBERED);
  }

  /** The request is given up on, if it is still open; returns it (undefined when it was not open). */
  endOpen(direction: Direction, id: RpcId): OpenRequest | undefined {
    const open = this.take(direction, id);
    if (open) this.end(direction, id, open);
    return open;
  }

  clear(): void {
    this.open.outgoing.clear();
    this.open.incoming.clear();
    this.ended.clear();
  }

  /**
   * The request a response (sent by `direction`'s side) answers. Exact id first, then a request
   * given up on; then, for an answer from the server, two mistakes a debugging user wants named:
   * an id of the wrong type (`"1"` for request 1, which the SDK accepts anyway: it compares
   * `Number(id)`), and an error without an id (`null`, or none), which JSON-RPC 2.0 §5 sends when
   * the server could not read the request's id: it is paired when exactly one request is waiting,
   * since that is the only one it can answer. Anything else is an orphan.
   */
  match(direction: Direction, id: unknown, isError: boolean): ResponseMatch {
    const side: Direction = direction === 'outgoing' ? 'incoming' : 'outgoing';
    if (typeof id === 'string' || typeof id === 'number') {
      const open = this.take(side, id) ?? this.takeEnded(side, id);
      if (open) return { open, id };
    }
    const waiting = [...this.open[side].keys()];
    if (direction === 'incoming') {
      const twin = typeof id === 'string' && id.trim() !== '' && Number.isFinite(Number(id)) ? Number(id) : typeof id === 'number' ? String(id) : undefined;
      const open = twin !== undefined ? this.take(side, twin) ?? this.takeEnded(side, twin) : undefined;
      if (open) {
        return { open, id: twin!, warning: `The response's id is the ${describeId(id)}, but the request's id was the ${describeId(twin)}: JSON-RPC ids must match exactly, type included (the SDK accepted it anyway)` };
      }
      if ((id === null || id === undefined) && isError && waiting.length === 1) {
        const only = waiting[0]!;
        return {
          open: this.take(side, only)!,
          id: only,
          reassigned: true,
          warning: `This error has ${id === null ? 'id null' : 'no id'}: the server could not tell which request it answers (JSON-RPC does this when it cannot read the request). Paired with the only request waiting, id ${JSON.stringify(only)}`,
        };
      }
    }
    const noId = id === null || id === undefined;
    const list = waiting.length ? `${waiting.length === 1 ? 'id of the request waiting' : 'ids of the requests waiting'}: ${waiting.map((w) => JSON.stringify(w)).join(', ')}` : 'no request was waiting';
    return {
      orphan: true,
      waiting,
      warning: noId
        ? `Orphan ${isError ? 'error' : 'response'}: it has ${id === null ? 'id null' : 'no id'}, so it answers no particular request (${list})`
        : `Orphan ${isError ? 'error' : 'response'}: its id ${JSON.stringify(id)} matches no request sent on this connection (${list})`,
    };
  }

  private takeEnded(direction: Direction, id: RpcId): OpenRequest | undefined {
    const key = endedKey(direction, id);
    const ended = this.ended.get(key);
    if (ended) this.ended.delete(key);
    return ended;
  }
}

function describeId(id: unknown): string {
  return typeof id === 'string' ? `string ${JSON.stringify(id)}` : `number ${String(id)}`;
}

/** Typed, so request id 1 and id "1" stay distinct as JSON-RPC says they are. */
function endedKey(direction: Direction, id: RpcId): string {
  return `${direction}:${typeof id}:${id}`;
}
