/**
 * What goes in the Authorization header for the scheme a server asks for (RFC 9110 section
 * 11.6.2: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`), as a template with
 * placeholders: the core's hints and the CLI's `-H` option say the same.
 */
export function credentialTemplate(scheme = 'Bearer'): string {
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return 'Bearer <token>';
    case 'dpop':
      return 'DPoP <token>';
    case 'basic':
      // RFC 7617 section 2.
      return 'Basic <base64 of user:password>';
    default:
      return `${scheme} <credentials>`;
  }
}

/**
 * True for the schemes an OAuth access token is sent with: Bearer (RFC 6750) and DPoP (RFC 9449),
 * the two the MCP authorization flow answers (MCP Authorization, "Access Token Usage").
 */
export function isOAuthScheme(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  return lower === 'bearer' || lower === 'dpop';
}
