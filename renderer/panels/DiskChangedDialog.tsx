import { useEffect, useRef, useState } from 'react';
import type { DiskChange, Host } from '../host';
import { Modal } from './Dialogs';
import '../styles/diskChanged.css';

/** What the dialog needs from the editor (renderer/useEditor.ts). */
export interface DiskChangeEditor {
  file: { name: string; handle?: string } | null;
  dirty: boolean;
  /** Opens file text; false when it does not read as a design (the design stays as it is). */
  openText(name: string, text: string, handle?: string): boolean;
  /** The file no longer holds what is shown: the design counts as unsaved, so closing asks. */
  markUnsaved(): void;
}

/** The open design's file changed on disk by another program (desktop: electron/watch.ts; the
 *  app's own saves never count). Asks once per change:
 *  - changed: **Reload from disk** (the file's version replaces the design here; the unsaved
 *    changes are named when there are some) or **Keep mine** (Escape): the design stays as it is
 *    and counts as unsaved, so closing asks, and the next Save overwrites the file without asking
 *    again — the other program's version is then kept as `<name>.bak` by the save's backups.
 *  - removed (deleted or moved away): the design stays open and counts as unsaved; Save writes it
 *    back to the same place (Save As… to choose another).
 *  A change for a file that is no longer the open one (another design was opened since) is ignored. */
export function DiskChangedWatcher({ host, editor }: { host: Host; editor: DiskChangeEditor }) {
  const [change, setChange] = useState<DiskChange | null>(null);
  const handle = editor.file?.handle;
  const current = useRef(handle);
  current.current = handle;
  useEffect(() => host.onDiskChanged?.((c) => {
    if (c.handle === current.current) setChange(c);
  }), [host]);
  if (!change || change.handle !== handle) return null;
  const close = () => setChange(null);
  const keepMine = () => {
    editor.markUnsaved();
    close();
  };
  if (change.kind === 'removed') {
    return (
      <Modal title={`${change.name} was deleted or moved`} onClose={keepMine} testId="disk-changed-dialog">
        <p>Another program deleted or moved this file. Your design is still open here and counts as unsaved: Save writes it back to the same place, or use Save As… to choose another.</p>
        <div className="sd-dialog-actions">
          <button type="button" className="sd-button sd-primary" onClick={keepMine} data-testid="disk-keep-mine">Keep working</button>
        </div>
      </Modal>
    );
  }
  const reload = () => {
    close();
    if (!editor.openText(change.name, change.text, change.handle)) editor.markUnsaved();
  };
  return (
    <Modal title={`${change.name} changed on disk`} onClose={keepMine} testId="disk-changed-dialog">
      <p>Another program changed this file since you opened or saved it here.</p>
      <ul className="sd-disk-choices">
        <li><strong>Reload from disk</strong> opens the file&apos;s version{editor.dirty ? <> and <em className="sd-disk-loss">discards your unsaved changes</em></> : null}.</li>
        <li><strong>Keep mine</strong> keeps the design as it is here. Your next Save replaces the file&apos;s version (which is then kept as {change.name}.bak).</li>
      </ul>
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" onClick={keepMine} data-testid="disk-keep-mine" aria-label="Keep mine: keep the design as it is here">Keep mine</button>
        <button type="button" className={`sd-button${editor.dirty ? ' sd-danger' : ' sd-primary'}`} onClick={reload} data-testid="disk-reload" aria-label={`Reload ${change.name} from disk`}>Reload from disk</button>
      </div>
    </Modal>
  );
}
