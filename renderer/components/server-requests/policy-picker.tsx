import type { ServerRequestPolicy } from '../../../shared/model/server-request';

const CHOICES: Array<{ value: ServerRequestPolicy; label: string }> = [
  { value: 'ask', label: 'Ask me (default)' },
  { value: 'decline', label: 'Always decline' },
  { value: 'accept-defaults', label: 'Accept with defaults' },
];

/** What each policy does, shown while it is active. */
export const POLICY_NOTES: Record<Exclude<ServerRequestPolicy, 'ask'>, string> = {
  decline: 'Every question is declined and every sampling request rejected without asking you. The history below and the trace record each one as answered by the policy.',
  'accept-defaults':
    'Every question is accepted with the defaults its form declares, without asking you (declined when a required field has no default, and for URL questions). Sampling requests are still asked. Each answer is recorded as answered by the policy.',
};

interface PolicyPickerProps {
  idPrefix: string;
  policy: ServerRequestPolicy;
  disabled: boolean;
  onChange(policy: ServerRequestPolicy): void;
}

/** The saved remote's policy for its server's requests (for QA runs), with what it does when active. */
export function PolicyPicker({ idPrefix, policy, disabled, onChange }: PolicyPickerProps) {
  return (
    <div className="policy-picker">
      <label htmlFor={`${idPrefix}-policy`}>When this server asks</label>
      <select id={`${idPrefix}-policy`} value={policy} disabled={disabled} onChange={(e) => onChange(e.target.value as ServerRequestPolicy)} data-testid="request-policy">
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {policy !== 'ask' && (
        <p className="policy-active warning-line" role="note" data-testid="policy-active">
          <strong>Policy active: {CHOICES.find((c) => c.value === policy)?.label.toLowerCase()}.</strong> {POLICY_NOTES[policy]}
        </p>
      )}
    </div>
  );
}
