import type { ProtocolEra } from '../../../shared/model/protocol-era';
import type { RpcId } from './open-requests';

/** An answer from the server that no waiting request claims, as the connection's evidence keeps it. */
export interface OrphanResponse {
  /** The id it carried: null or undefined when it had none. */
  id: RpcId | null | undefined;
  /** Its trace entry. */
  seq: number;
  /** The ids of the requests that were waiting when it arrived. */
  waiting: RpcId[];
  /** The JSON-RPC error it carried, if it was an error. */
  error?: { code: unknown; message: unknown };
}

export interface TracedTransportOptions {
  /** The connection's negotiated era, once known: era-specific checks run only then. */
  era?: () => ProtocolEra | undefined;
  /** Told of every orphan answer (also a trace warning and a lifecycle warning). */
  onOrphan?: (orphan: OrphanResponse) => void;
  /**
   * The data of the last server-sent event, taken once: when the SDK's SSE transports refuse an
   * event's message as invalid JSON-RPC they report only the schema error, and this recovers the
   * message itself (the recording fetch emits each event before the SDK parses it).
   */
  takeEventData?: () => string | undefined;
}
