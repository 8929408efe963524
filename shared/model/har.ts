/**
 * The HTTP Archive (HAR) 1.2 format, as far as Periscope writes it
 * (W3C Web Performance WG draft "HTTP Archive (HAR) format", version 1.2). Custom fields start
 * with an underscore, as the format allows.
 */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarTimings {
  /** Milliseconds; -1 where the phase does not apply or was not measured. */
  blocked: number;
  dns: number;
  connect: number;
  /** Milliseconds; never -1 (the format requires send, wait and receive). */
  send: number;
  wait: number;
  receive: number;
  ssl: number;
  comment?: string;
}

/** What the JSON-RPC message a request carried was, and when its phases happened (ms from sending). */
export interface HarMcpFields {
  /** The JSON-RPC method the request's body carried (MCP spec, basic/messages). */
  method?: string;
  /** The JSON-RPC id of that request (absent for a notification). */
  id?: string | number;
  /** The trace's id of this exchange and the seq of the message entry it carried. */
  exchangeId: string;
  messageSeq?: number;
  /** Milliseconds from sending to the first server-sent event of the response. */
  firstEventMs?: number;
  /** Milliseconds from sending to the JSON-RPC answer (result or error) to the request. */
  resultMs?: number;
  /** The failure of the exchange in Periscope's terms (already redacted). */
  error?: { kind: string; message: string; hint?: string };
  warnings?: string[];
}

export interface HarEntry {
  startedDateTime: string;
  /** Milliseconds, the sum of the timings that are not -1. */
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; comment?: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: HarTimings;
  comment?: string;
  _mcp: HarMcpFields;
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages?: Array<{ startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad?: number; onLoad?: number } }>;
    entries: HarEntry[];
    comment?: string;
  };
}
