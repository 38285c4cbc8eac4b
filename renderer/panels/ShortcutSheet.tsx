import { Modal } from './Dialogs';
import { SHORTCUT_GROUPS, SHORTCUTS, shortcutLabels } from '../shortcuts';
import '../styles/editing.css';

/** Every keyboard shortcut, generated from the one table in shortcuts.ts ("?", Help → Keyboard
 *  shortcuts, the toolbar's "?" button). */
export function ShortcutSheet({ platform, onClose }: { platform: string; onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet" wide>
      <div className="sd-shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => {
          const rows = SHORTCUTS.filter((s) => s.group === group);
          if (!rows.length) return null;
          return (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <table className="sd-shortcut-table">
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.action} data-testid={`shortcut-${s.action}`}>
                      <td className="sd-shortcut-keys">
                        {shortcutLabels(s.action, platform).map((k, i) => <span key={k}>{i > 0 && ' or '}<kbd>{k}</kbd></span>)}
                      </td>
                      <td>{s.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
      <p className="sd-muted">Also: Shift- or {platform === 'darwin' ? '⌘' : 'Ctrl'}-click adds to or removes from the selection; drag on empty canvas draws a selection box; drag with the middle or right button, or hold Space, to pan; scroll to pan, {platform === 'darwin' ? '⌘' : 'Ctrl'}+scroll or pinch to zoom.</p>
      <div className="sd-dialog-actions"><button type="button" className="sd-button sd-primary" onClick={onClose}>Close</button></div>
    </Modal>
  );
}
