import { useState } from 'react';
import type { ServerRequestAnswer } from '../../../shared/model/server-request';
import { SamplingRequest } from './sampling-request';

interface SamplingCardProps {
  params: unknown;
  idPrefix: string;
  tooLarge?: string;
  busy: boolean;
  onAnswer(answer: ServerRequestAnswer): void;
}

/** Stop reasons the spec names for CreateMessageResult (client/sampling). */
const STOP_REASONS = ['endTurn', 'maxTokens', 'stopSequence'];

/**
 * A sampling/createMessage request and the reply the user writes in the model's place: text,
 * the model name to report, and a stop reason. Reject answers "User rejected sampling request".
 */
export function SamplingCard({ params, idPrefix, tooLarge, busy, onAnswer }: SamplingCardProps) {
  const [text, setText] = useState('');
  const [model, setModel] = useState('periscope-user');
  const [stopReason, setStopReason] = useState('endTurn');
  const modelMissing = model.trim() === '';
  return (
    <div className="sampling-card">
      {tooLarge ? <p className="warning-line" role="note">{tooLarge}</p> : <SamplingRequest params={params} />}
      {!tooLarge && (
        <fieldset className="reply-form">
          <legend>Reply in the model's place</legend>
          <label htmlFor={`${idPrefix}-text`}>Reply text</label>
          <textarea id={`${idPrefix}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="sampling-text" />
          <div className="reply-row">
            <span className="reply-field">
              <label htmlFor={`${idPrefix}-model`}>Model name</label>
              <input id={`${idPrefix}-model`} value={model} onChange={(e) => setModel(e.target.value)} aria-invalid={modelMissing ? true : undefined} data-testid="sampling-model" />
            </span>
            <span className="reply-field">
              <label htmlFor={`${idPrefix}-stop`}>Stop reason</label>
              <select id={`${idPrefix}-stop`} value={stopReason} onChange={(e) => setStopReason(e.target.value)}>
                {STOP_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
                <option value="">none</option>
              </select>
            </span>
          </div>
          {modelMissing && <p className="field-error">Name the model the reply claims to come from.</p>}
        </fieldset>
      )}
      <div className="form-actions">
        {!tooLarge && (
          <button
            type="button"
            className="primary"
            disabled={busy || modelMissing}
            onClick={() => onAnswer({ action: 'reply', text, model: model.trim(), ...(stopReason ? { stopReason } : {}) })}
            data-testid="sampling-reply"
          >
            Send reply
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => onAnswer({ action: 'reject' })} data-testid="sampling-reject">
          Reject
        </button>
      </div>
    </div>
  );
}
