import type { RefObject } from 'react';
import { checkEndpointUrl } from '../../../shared/model/remote-rules';
import { UrlSuggestion } from '../remote-form/url-suggestion';

/** A scheme written out ("ftp://", "ws://"), as opposed to a URL typed without one. */
const WRITTEN_SCHEME = /^\s*([a-z][a-z0-9+.-]*:)\/\//i;

/**
 * What is wrong with a URL for the auth debugger, in the remote editor's words (no scheme: a
 * suggestion; spaces; no host; a port out of range), or undefined when it will do. OAuth for MCP
 * is defined for HTTP servers (MCP Authorization, "Protocol Requirements": HTTP-based
 * transports), so a ws:// or any other scheme is refused with that said.
 */
export function checkAuthDebugUrl(raw: string): string | undefined {
  const scheme = WRITTEN_SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http:' && scheme !== 'https:') {
    return `The auth debugger works with HTTP servers (Streamable HTTP or SSE): use http:// or https://, not ${scheme}//`;
  }
  // Streamable HTTP takes exactly http and https, and its suggestion for a URL without a scheme
  // is the one wanted here (http:// for this computer, https:// elsewhere).
  return checkEndpointUrl(raw, 'streamable');
}

interface ServerUrlFieldProps {
  url: string;
  onChange(url: string): void;
  /** The problem found when Start was pressed (checkAuthDebugUrl), shown under the field. */
  problem: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The Server URL field, checked as the remote editor checks a URL (not by the browser's own
 * "Please enter a URL" bubble), with the same one-click suggestion for a URL without a scheme.
 */
export function ServerUrlField({ url, onChange, problem, inputRef }: ServerUrlFieldProps) {
  return (
    // The suggestion's button and the problem sit beside the label, not in it: a button inside a
    // label would be part of the field's name.
    <div className="auth-debug-url-field">
      <label>
        Server URL
        <input
        ref={inputRef}
        type="url"
        value={url}
        placeholder="https://mcp.example.com/mcp"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'auth-debug-url-problem' : undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid="auth-debug-url"
        />
      </label>
      {problem && (
        <span className="field-error" id="auth-debug-url-problem" data-testid="auth-debug-url-problem">
          {problem}
        </span>
      )}
      <UrlSuggestion url={url} transport="streamable" asked={problem !== undefined} onUse={onChange} />
    </div>
  );
}
