import type { FormEvent } from 'react';
import type { PromptInfo } from '../../stores/prompts-store';
import { CompletionField } from '../completion-field';

interface PromptFormProps {
  prompt: PromptInfo;
  values: Record<string, string>;
  complete?: (name: string, value: string) => Promise<string[]>;
  live: boolean;
  getting: boolean;
  onChange(values: Record<string, string>): void;
  onGet(): void;
}

/** The prompt's arguments (required ones marked, descriptions as help) and Get. */
export function PromptForm({ prompt, values, complete, live, getting, onChange, onGet }: PromptFormProps) {
  const args = prompt.arguments ?? [];
  const missing = args.filter((a) => a.required && !values[a.name]).map((a) => a.title ?? a.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length === 0) onGet();
  };
  return (
    <form className="template-form" onSubmit={submit} aria-label={`Arguments of ${prompt.name}`} data-testid="prompt-form">
      {args.length === 0 && <p className="muted">This prompt takes no arguments.</p>}
      {args.map((a) => (
        <CompletionField
          key={a.name}
          label={a.title ?? a.name}
          required={a.required === true}
          help={a.description}
          value={values[a.name] ?? ''}
          complete={complete ? (typed) => complete(a.name, typed) : undefined}
          onChange={(v) => onChange({ ...values, [a.name]: v })}
          testId={`prompt-arg-${a.name}`}
          multiline
        />
      ))}
      {args.some((a) => a.required) && <p className="muted field-help">* required</p>}
      <div className="form-actions">
        <button type="submit" disabled={!live || getting || missing.length > 0} data-testid="get-prompt">
          {getting ? 'Getting…' : 'Get'}
        </button>
        {missing.length > 0 && <span className="muted">Fill in {missing.join(', ')}.</span>}
      </div>
    </form>
  );
}
