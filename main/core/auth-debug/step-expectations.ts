import type { AuthDebugExpectation, AuthDebugStepName } from '../../../shared/model/auth-debug';

/** The MCP spec's authorization section, both live revisions (the rules below hold in both). */
const MCP_AUTH = 'MCP Authorization (2025-11-25, 2026-07-28)';

/**
 * What the specs expect at each step of an MCP authorization, in words, with the sections the
 * checks rest on. Shown beside each step's exchanges so a finding can be read against the rule.
 */
export const STEP_EXPECTATIONS: Record<AuthDebugStepName, AuthDebugExpectation> = {
  challenge: {
    summary:
      'A request without a token is answered 401 Unauthorized with a WWW-Authenticate: Bearer challenge. The challenge should name the protected resource metadata (resource_metadata) and may name the scope the request needs (scope); without resource_metadata the client looks at the well-known URIs instead. Authorization is optional: a server that answers the request asks for none.',
    sources: [`${MCP_AUTH}, "Protected Resource Metadata Discovery Requirements" and "Protocol Requirements"`, 'RFC 9728 section 5.1', 'RFC 6750 section 3'],
  },
  'resource-metadata': {
    summary:
      'The protected resource metadata is JSON at the URL from the challenge or at /.well-known/oauth-protected-resource (with the server\'s path appended). Its `resource` is the MCP server\'s URL, and `authorization_servers` lists at least one authorization server. A server that asks for authorization must publish it; one that answered without a token need not.',
    sources: ['RFC 9728 sections 2, 3.1 and 3.3', `${MCP_AUTH}, "Authorization Server Location"`],
  },
  'authorization-server-metadata': {
    summary:
      'The authorization server publishes RFC 8414 metadata (or OpenID Connect Discovery) at a well-known URI built from its issuer. The `issuer` in it is exactly the URL it was fetched for, `response_types_supported` has `code`, and `code_challenge_methods_supported` lists S256: without it the client must refuse to go on (no PKCE).',
    sources: ['RFC 8414 sections 2, 3 and 3.3', 'OpenID Connect Discovery 1.0 section 4.3', `${MCP_AUTH}, "Authorization Server Metadata Discovery" and "Authorization Code Protection"`, 'RFC 7636 section 4.2'],
  },
  'client-registration': {
    summary:
      'The client gets a client id one of three ways: a pre-registered id; a client ID metadata document (an HTTPS URL used as client_id) where the server advertises client_id_metadata_document_supported; or dynamic client registration at the registration_endpoint, which answers 201 with a client_id.',
    sources: [`${MCP_AUTH}, "Client Registration Approaches"`, 'OAuth Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document)', 'RFC 7591 sections 2 and 3.2.1'],
  },
  'authorization-request': {
    summary:
      'The authorization request carries response_type=code, the client id, the redirect URI, a fresh `state`, the PKCE code_challenge with code_challenge_method=S256 (the code_verifier stays with the client), the scopes, and the MCP server\'s URL as the `resource` indicator.',
    sources: ['OAuth 2.1 section 4.1.1', 'RFC 7636 sections 4.1 to 4.3', 'RFC 8707 section 2', `${MCP_AUTH}, "Resource Parameter Implementation"`],
  },
  'authorization-response': {
    summary:
      'After the user approves, the authorization server redirects the user agent to the registered redirect URI with `code`, the same `state`, and `iss` (its issuer) where it advertises authorization_response_iss_parameter_supported. A refusal comes back the same way with `error` (e.g. invalid_target for a resource it does not accept); a redirect URI it does not know is refused on its own page, never redirected to.',
    sources: ['OAuth 2.1 sections 4.1.2 and 4.1.2.1', 'RFC 9207 sections 2 and 2.4', 'RFC 8707 section 2', 'RFC 8252 section 7.3'],
  },
  'token-request': {
    summary:
      'The client redeems the code at the token endpoint with the code_verifier, the same redirect URI and the same resource. The answer is 200 with access_token and token_type Bearer; a `scope` in it lists the scopes granted, which must cover the scope the MCP server asked for.',
    sources: ['OAuth 2.1 sections 4.1.3 and 5.1', 'RFC 7636 section 4.5', 'RFC 8707 section 2.2', `${MCP_AUTH}, "Scope Challenge Handling"`],
  },
  'authenticated-request': {
    summary:
      'The same request with Authorization: Bearer <token> succeeds. A 401 means the token was not accepted (wrong audience, expired, unknown); a 403 with error="insufficient_scope" names the scope still missing.',
    sources: [`${MCP_AUTH}, "Access Token Usage" and "Token Audience Binding and Validation"`, 'RFC 6750 sections 2.1 and 3.1'],
  },
};
