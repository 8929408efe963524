import { useState, type FormEvent } from 'react';

interface SessionCapFormProps {
  /** The current cap in MiB. */
  capMB: number;
  onSave(capMB: number): void;
}

const MAX_MB = 1_048_576;

/** The size cap of each connection's session file; recording stops there with a notice. */
export function SessionCapForm({ capMB, onSave }: SessionCapFormProps) {
  const [text, setText] = useState(String(capMB));
  const value = Number(text);
  const valid = Number.isInteger(value) && value >= 1 && value <= MAX_MB;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && value !== capMB) onSave(value);
  };
  return (
    <form className="session-cap" onSubmit={submit} aria-label="Session file size cap">
      <label htmlFor="session-cap-mb">Stop recording a session file at (MB)</label>
      <input
        id="session-cap-mb"
        type="number"
        min={1}
        max={MAX_MB}
        step={1}
        value={text}
        aria-invalid={!valid}
        aria-describedby="session-cap-help"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={!valid || value === capMB}>
        Save
      </button>
      <p id="session-cap-help" className="muted">
        {valid ? 'Each connection records its trace to a session file; past this size recording stops (the connection goes on) and you are told.' : `Enter a whole number from 1 to ${MAX_MB.toLocaleString('en-US')}.`}
      </p>
    </form>
  );
}
