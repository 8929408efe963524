import { AnswerTooLargeError, readBodyWithin } from '../capture/answer-limit';
/**
 * What the OAuth discovery's metadata requests were answered, seen at the transport's fetch
 * (ConnectionOAuth.transportFetch: the SDK's discovery goes through it). The SDK keeps only what
 * it could use (OAuthDiscoveryState) and drops why the rest failed; this keeps the why, so a
 * failed flow can name the document that broke it.
 */
export interface MetadataFetch {
  /** Protected resource metadata (RFC 9728) or authorization server metadata (RFC 8414, OpenID Connect Discovery 1.0). */
  kind: 'protected-resource' | 'authorization-server';
  url: string;
  status: number;
  /** Why the answer cannot be used, in words ("it answered HTTP 404", "it is not JSON"); undefined when it reads as that document. */
  problem?: string;
}

const WELL_KNOWN: Array<[RegExp, MetadataFetch['kind']]> = [
  [/\/\.well-known\/oauth-protected-resource(\/|$)/, 'protected-resource'],
  [/\/\.well-known\/(oauth-authorization-server|openid-configuration)(\/|$)/, 'authorization-server'],
];

/** Which metadata `url` is, if any: a well-known URI (RFC 9728 section 3, RFC 8414 section 3) or the URL the challenge named. */
export function metadataKind(url: string, challengeResourceMetadata?: string): MetadataFetch['kind'] | undefined {
  if (challengeResourceMetadata && url === challengeResourceMetadata) return 'protected-resource';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return WELL_KNOWN.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * How much of a metadata answer is read to judge it. Real documents are a few KB; a hostile or
 * broken server could send gigabytes, which the copy must not hold (the SDK reads its own).
 */
export const METADATA_READ_CAP_BYTES = 1024 * 1024;

/**
 * Reads a copy of the answer (the SDK reads the original) and says whether it is usable metadata.
 * At most `capBytes` of the copy are read: past that the copy is cancelled and the answer is
 * called too large (the SDK's own read is not disturbed).
 */
export async function readMetadataAnswer(kind: MetadataFetch['kind'], url: string, response: Response, capBytes = METADATA_READ_CAP_BYTES): Promise<MetadataFetch> {
  const fetched = { kind, url, status: response.status };
  if (!response.ok) return { ...fetched, problem: `it answered HTTP ${response.status}` };
  const read = await readBodyWithin(response.clone(), capBytes).then(
    (bytes) => ({ text: new TextDecoder().decode(bytes) }),
    (error: unknown) => ({ tooLarge: error instanceof AnswerTooLargeError }),
  );
  const problem =
    'text' in read
      ? documentProblem(kind, read.text, response.headers.get('content-type') ?? '')
      : read.tooLarge
        ? `its answer is larger than ${formatBytes(capBytes)}, far more than any metadata document`
        : 'its answer could not be read';
  return problem ? { ...fetched, problem } : fetched;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

const HTML_PAGE = 'it is an HTML page, not JSON';

/**
 * True when a well-known URL's answer says the document is not published there rather than
 * broken: 404 or 410, or an HTML page (a site answering every path with its own page).
 */
export function notPublished(fetched: MetadataFetch): boolean {
  return fetched.status === 404 || fetched.status === 410 || fetched.problem === HTML_PAGE;
}

function documentProblem(kind: MetadataFetch['kind'], text: string, contentType: string): string | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return /html/i.test(contentType) || /^\s*</.test(text) ? HTML_PAGE : 'it is not JSON';
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return 'it is JSON but not an object';
  // The one member each document must have (RFC 9728 section 2; RFC 8414 section 2).
  const required = kind === 'protected-resource' ? 'resource' : 'issuer';
  if (typeof (document as Record<string, unknown>)[required] !== 'string') return `it has no "${required}" member`;
  return undefined;
}
