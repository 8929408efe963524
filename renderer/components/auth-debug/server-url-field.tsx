import type { RefObject } from 'react';
import { UrlSuggestion } from '../remote-form/url-suggestion';

interface ServerUrlFieldProps {
  url: string;
  onChange(url: string): void;
  /** The problem found when Start was pressed (checkAuthDebugUrl), shown under the field. */
  problem: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Read-only while a run is under way: the field then shows the URL the run uses. */
  readOnly?: boolean;
  /** The id of the words that say why the field is read-only, when they are shown. */
  lockedNoteId?: string | undefined;
}

/**
 * The Server URL field, checked as the remote editor checks a URL (not by the browser's own
 * "Please enter a URL" bubble), with the same one-click suggestion for a URL without a scheme.
 */
export function ServerUrlField({ url, onChange, problem, inputRef, readOnly = false, lockedNoteId }: ServerUrlFieldProps) {
  const describedBy = [problem ? 'auth-debug-url-problem' : undefined, lockedNoteId].filter(Boolean).join(' ');
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
          readOnly={readOnly}
          placeholder="https://mcp.example.com/mcp"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value)}
          data-testid="auth-debug-url"
        />
      </label>
      {problem && (
        <span className="field-error" id="auth-debug-url-problem" data-testid="auth-debug-url-problem">
          {problem}
        </span>
      )}
      {!readOnly && <UrlSuggestion url={url} transport="streamable" asked={problem !== undefined} onUse={onChange} />}
    </div>
  );
}
