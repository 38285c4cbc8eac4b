import { Modal } from '../panels/Dialogs';
import type { Draft } from './store';
import '../styles/drafts.css';

/** "today at 17:42", "yesterday at 09:05", or the date and time. */
export function draftTime(time: number, now = Date.now()): string {
  const at = new Date(time);
  const clock = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(new Date(now)) - day(at)) / 86_400_000);
  if (days === 0) return `today at ${clock}`;
  if (days === 1) return `yesterday at ${clock}`;
  return `${at.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} at ${clock}`;
}

/** At start, after a crash, a killed tab or a window closed with unsaved changes: each draft with
 *  its name and time, to restore or discard. "Decide later" keeps them for the next start. */
export function RecoveryDialog({ drafts, onRestore, onDiscard, onLater }: { drafts: readonly Draft[]; onRestore(d: Draft): void; onDiscard(d: Draft): void; onLater(): void }) {
  return (
    <Modal title="Restore unsaved work?" onClose={onLater} testId="recovery-dialog" wide>
      <p>
        {drafts.length === 1 ? 'A design' : `${drafts.length} designs`} had changes that were not saved when the app last closed or
        crashed. Restore opens a draft as an unsaved design; Discard deletes it.
      </p>
      <ul className="sd-drafts" aria-label="Autosaved drafts">
        {drafts.map((d) => (
          <li key={d.id} className="sd-draft" data-testid="recovery-draft">
            <div className="sd-draft-text">
              <strong className="sd-draft-name">{d.name}</strong>
              <span className="sd-draft-detail">
                Unsaved changes from {draftTime(d.time)}{d.fileName ? ` · ${d.fileName}` : ' · never saved to a file'}
              </span>
            </div>
            <button type="button" className="sd-button sd-primary" aria-label={`Restore ${d.name}`} data-testid="recovery-restore" onClick={() => onRestore(d)}>Restore</button>
            <button type="button" className="sd-button" aria-label={`Discard ${d.name}`} data-testid="recovery-discard" onClick={() => onDiscard(d)}>Discard</button>
          </li>
        ))}
      </ul>
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" data-testid="recovery-later" onClick={onLater}>Decide later</button>
      </div>
    </Modal>
  );
}

export type UnsavedChoice = 'save' | 'discard' | 'cancel';
export interface UnsavedRequest { name: string; action: string; resolve(choice: UnsavedChoice): void }

/** Before New, a template, Open or an import replaces a design with unsaved changes: Save (then
 *  go on only if the save went through), Don't save, or Cancel (Escape). */
export function UnsavedDialog({ request }: { request: UnsavedRequest }) {
  return (
    <Modal title={`Save changes to ${request.name}?`} onClose={() => request.resolve('cancel')} testId="unsaved-dialog">
      <p>{request.action} replaces the open design. Your changes to it are lost if you don’t save them.</p>
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button sd-primary" data-testid="unsaved-save" onClick={() => request.resolve('save')}>Save</button>
        <button type="button" className="sd-button sd-danger" data-testid="unsaved-discard" onClick={() => request.resolve('discard')}>Don’t save</button>
        <button type="button" className="sd-button" data-testid="unsaved-cancel" onClick={() => request.resolve('cancel')}>Cancel</button>
      </div>
    </Modal>
  );
}
