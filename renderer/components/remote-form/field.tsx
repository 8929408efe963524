import type { ReactNode } from 'react';

/** The messages for one field path, linked to its input by id `err-<path>`. */
export function FieldErrors({ path, errors }: { path: string; errors: Record<string, string[]> }) {
  const messages = errors[path];
  if (!messages) return null;
  return (
    <span className="field-error" id={`err-${path}`} data-testid="field-error">
      {messages.join(' ')}
    </span>
  );
}

interface FieldProps {
  id: string;
  label: string;
  path: string;
  errors: Record<string, string[]>;
  help?: string;
  /** The field an error's fix points at: outlined, with a note saying so. */
  marked?: boolean;
  children: (a11y: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its help text and validation messages wired for screen readers. */
export function Field({ id, label, path, errors, help, marked = false, children }: FieldProps) {
  const invalid = Boolean(errors[path]);
  const described = [invalid ? `err-${path}` : undefined, help ? `${id}-help` : undefined].filter(Boolean).join(' ');
  return (
    <div className={`field${marked ? ' is-fix-target' : ''}`} data-fix-target={marked || undefined}>
      <label htmlFor={id}>{label}</label>
      {marked && <span className="fix-note">The connection’s error points here.</span>}
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': described || undefined })}
      {help && (
        <span className="field-help" id={`${id}-help`}>
          {help}
        </span>
      )}
      <FieldErrors path={path} errors={errors} />
    </div>
  );
}
