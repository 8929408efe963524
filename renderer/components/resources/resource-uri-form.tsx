import { useId, useRef, useState, type FormEvent } from 'react';
import { checkResourceUri } from './resource-uri-check';

interface ResourceUriFormProps {
  /** The field's text as typed (kept by the section's store, so a failed read leaves it there). */
  value: string;
  live: boolean;
  /** The typed URI is being read. */
  reading: boolean;
  /** The server declared resources.subscribe: Subscribe is offered, as it is for listed resources. */
  subscribable: boolean;
  onChange(value: string): void;
  onRead(uri: string): void;
  onSubscribe(uri: string): void;
}

/**
 * A Resource URI field for any URI, listed or not (one the list leaves out, or a customer's call
 * to reproduce): Read (or Enter) reads it, Subscribe subscribes. What is typed is checked here
 * first, so a blank or scheme-less text is explained without sending anything.
 */
export function ResourceUriForm({ value, live, reading, subscribable, onChange, onRead, onSubscribe }: ResourceUriFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const act = (action: 'read' | 'subscribe') => {
    const check = checkResourceUri(value, action);
    if (!check.ok) {
      setProblem(check.problem);
      // Back to the field, where the fix is typed (a click on a button had moved focus away).
      input.current?.focus();
      return;
    }
    setProblem(undefined);
    if (action === 'read') onRead(check.uri);
    else onSubscribe(check.uri);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act('read');
  };
  return (
    <form className="resource-uri-form" onSubmit={submit} noValidate data-testid="resource-uri-form">
      <label htmlFor={id}>Resource URI</label>
      <div className="resource-uri-row">
        <input
          ref={input}
          id={id}
          type="text"
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-${problem ? 'problem' : 'help'}`}
          onChange={(e) => {
            onChange(e.target.value);
            setProblem(undefined);
          }}
          data-testid="resource-uri"
        />
        <button type="submit" aria-label={`${reading ? 'Reading' : 'Read'} resource URI`} disabled={!live || reading} data-testid="read-uri">
          {reading ? 'Reading…' : 'Read'}
        </button>
        {subscribable && (
          <button type="button" aria-label="Subscribe to resource URI" onClick={() => act('subscribe')} disabled={!live} data-testid="subscribe-uri">
            Subscribe
          </button>
        )}
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert" data-testid="resource-uri-problem">
          {problem}
        </p>
      ) : (
        <p id={`${id}-help`} className="field-help">
          Read any URI the server may serve, also one its list leaves out. Enter reads it.
        </p>
      )}
    </form>
  );
}
