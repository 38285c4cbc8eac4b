import { useId, useState } from 'react';
import type { Command } from '../../core/commands/commands';
import type { Finding } from '../../core/rules/types';
import { Modal } from './Dialogs';
import { SeverityIcon } from './Severity';
import '../styles/findings.css';

/** Only findings of catalog rules can be suppressed (core/model/design.ts suppressionSchema). */
export const isSuppressible = (ruleId: string) => /^[A-Z]+-\d{2}$/.test(ruleId);

/** Asks for the reason (required: a suppression without one is refused by the model too). Enter
 *  suppresses, Escape cancels; a refusal (say, already suppressed) is shown in the dialog. */
export function SuppressDialog({ finding: f, dispatch, onClose }: { finding: Finding; dispatch(command: Command): { refused?: string }; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<string | undefined>();
  const reasonId = useId();
  const blank = reason.trim() === '';
  const submit = () => {
    if (blank) return;
    const result = dispatch({ type: 'suppress', ruleId: f.ruleId, target: f.target.id, reason });
    if (result.refused) setRefused(result.refused);
    else onClose();
  };
  return (
    <Modal title={`Suppress ${f.ruleId}`} onClose={onClose} testId="suppress-dialog">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <p className="sd-suppress-finding"><SeverityIcon severity={f.severity} /> <strong>{f.target.name}</strong> — {f.message}</p>
        <div className={`sd-field${refused ? ' has-error' : ''}`}>
          <label htmlFor={reasonId}>Reason (required)</label>
          <input
            id={reasonId}
            type="text"
            value={reason}
            onChange={(e) => { setReason(e.target.value); setRefused(undefined); }}
            placeholder="Why this finding does not apply, or why it is accepted"
            aria-required="true"
            aria-invalid={refused ? true : undefined}
            data-testid="suppress-reason"
          />
          <span className="sd-field-hint">Saved in the design file with the suppression, so reviewers see why. Undo takes it back.</span>
          {refused && <span className="sd-field-error" role="alert" data-testid="suppress-refused">{refused}</span>}
        </div>
        <div className="sd-dialog-actions">
          <button type="button" className="sd-button" onClick={onClose} data-testid="suppress-cancel">Cancel</button>
          <button type="submit" className="sd-button sd-primary" disabled={blank} data-testid="suppress-confirm">Suppress</button>
        </div>
      </form>
    </Modal>
  );
}
