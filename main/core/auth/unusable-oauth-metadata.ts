import { isOAuthScheme } from '../diagnostics/credential-template';
import type { AuthChallenge } from '../diagnostics/www-authenticate';
import { type MetadataFetch, notPublished } from './metadata-fetches';
import type { OAuthFlowEvidence } from './oauth-flow-failure';

/** What could not be used, ending the sentence "The server answered 401 …, but <what>"; and who must fix it. */
export interface UnusableMetadata {
  what: string;
  /** The subject of "… needs fixing", e.g. "The server's protected resource metadata". */
  fixer: string;
}

const NOWHERE = 'so there is no authorization server to sign in with';

/**
 * OAuth metadata that was there, or was named, but could not be used; undefined when discovery
 * found an authorization server's metadata (the flow failed later) or nothing was there at all.
 * In order: the protected resource metadata (RFC 9728) the challenge names (section 5.1) or a
 * well-known one (section 3) that answered an error or not the document; an authorization
 * server's metadata (RFC 8414 section 3, OpenID Connect Discovery 1.0 section 4) that answered
 * something else than the document; protected resource metadata that names no authorization
 * server (MCP Authorization, "Authorization Server Location": at least one), or one whose
 * metadata is nowhere.
 */
export function unusableMetadata(evidence: OAuthFlowEvidence, challenges: AuthChallenge[]): UnusableMetadata | undefined {
  const { discovery, metadataFetches = [] } = evidence;
  if (discovery?.authorizationServerMetadata) return undefined;
  return brokenResourceMetadata(evidence, challenges) ?? brokenServerMetadata(metadataFetches) ?? serverWithoutMetadata(evidence);
}

function brokenResourceMetadata({ discovery, metadataFetches = [] }: OAuthFlowEvidence, challenges: AuthChallenge[]): UnusableMetadata | undefined {
  if (discovery?.resourceMetadata) return undefined;
  const fixer = "The server's protected resource metadata";
  const named = challenges.find((c) => isOAuthScheme(c.scheme) && c.params.resource_metadata !== undefined)?.params.resource_metadata;
  if (named !== undefined) {
    if (!URL.canParse(named)) return { what: `the protected resource metadata its challenge names ("${shortened(named)}") could not be used: it is not a URL, ${NOWHERE}`, fixer: "The server's challenge (its resource_metadata)" };
    const href = new URL(named).href;
    const fetched = lastOf(metadataFetches, (f) => f.url === href && f.problem !== undefined);
    if (fetched) return { what: `the protected resource metadata its challenge names (${shortened(named)}, RFC 9728) could not be used: ${fetched.problem}, ${NOWHERE}`, fixer };
  }
  const wellKnown = lastOf(metadataFetches, (f) => f.kind === 'protected-resource' && f.problem !== undefined && !notPublished(f));
  if (wellKnown) return { what: `its protected resource metadata (RFC 9728) at ${wellKnown.url} could not be used: ${wellKnown.problem}, ${NOWHERE}`, fixer };
  return undefined;
}

function brokenServerMetadata(fetches: MetadataFetch[]): UnusableMetadata | undefined {
  const broken = lastOf(fetches, (f) => f.kind === 'authorization-server' && f.status >= 200 && f.status < 300 && f.problem !== undefined && !notPublished(f));
  if (!broken) return undefined;
  return { what: `the authorization server metadata at ${broken.url} could not be used: ${broken.problem}, so there are no endpoints to sign in with`, fixer: "The authorization server's metadata" };
}

function serverWithoutMetadata({ discovery, metadataFetches = [] }: OAuthFlowEvidence): UnusableMetadata | undefined {
  if (!discovery?.resourceMetadata) return undefined;
  const servers = discovery.resourceMetadata.authorization_servers ?? [];
  if (servers.length === 0) {
    const where = discovery.resourceMetadataUrl ?? lastOf(metadataFetches, (f) => f.kind === 'protected-resource' && f.problem === undefined)?.url;
    return {
      what: `the protected resource metadata${where ? ` (${where})` : ''} lists no authorization servers (authorization_servers is empty or missing; MCP Authorization needs at least one), ${NOWHERE}`,
      fixer: "The server's protected resource metadata",
    };
  }
  const server = discovery.authorizationServerUrl;
  // Each URL once, as last answered: discovery runs again for each transport or era tried.
  const answers = [...new Map(metadataFetches.filter((f) => f.kind === 'authorization-server').map((f) => [f.url, f])).values()];
  const statuses = [...new Set(answers.map((f) => `HTTP ${f.status}`))];
  const answered = answers.length === 0 ? '' : answers.length > 1 && statuses.length === 1 ? `: each of its ${answers.length} well-known URLs answered ${statuses[0]}` : `: its well-known URLs answered ${statuses.join(', ')}`;
  return { what: `the authorization server its protected resource metadata names (${server}) publishes no metadata (RFC 8414 / OpenID Connect discovery)${answered}, so there are no endpoints to sign in with`, fixer: `The authorization server ${server}` };
}

function lastOf(fetches: MetadataFetch[], test: (fetched: MetadataFetch) => boolean): MetadataFetch | undefined {
  return fetches.filter(test).at(-1);
}

/** A server-given value in a message, cut to a readable length. */
function shortened(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
