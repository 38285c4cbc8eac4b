import { useEffect, useRef, useState } from 'react';
import { ALIGN_MODES, ARRANGE_LABELS, DISTRIBUTE_MODES, type ArrangeMode } from '../../core/commands/arrange';
import '../styles/editing.css';

export interface ArrangeOption { mode: ArrangeMode; disabledReason?: string }

interface EditToolsProps {
  /** Every align/distribute mode, each with why it is disabled for this selection (if it is). */
  arrange: readonly ArrangeOption[];
  onArrange(mode: ArrangeMode): void;
  snapOn: boolean;
  onToggleSnap(): void;
  onShowShortcuts(): void;
}

/** Toolbar tools for diagram editing: the Arrange menu (align / distribute; disabled items say why),
 *  the snap-to-grid toggle and the keyboard shortcut sheet. */
export function EditTools({ arrange, onArrange, snapOn, onToggleSnap, onShowShortcuts }: EditToolsProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    // Capture: the canvas's d3 handlers stop mousedown before it reaches the window.
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [open]);
  const byMode = new Map(arrange.map((a) => [a.mode, a]));
  const reasons = [...new Set(arrange.map((a) => a.disabledReason).filter(Boolean))];
  const item = (mode: ArrangeMode) => {
    const reason = byMode.get(mode)?.disabledReason;
    return (
      <button key={mode} type="button" role="menuitem" disabled={!!reason} title={reason ?? ARRANGE_LABELS[mode]}
        data-testid={`arrange-${mode}`} onClick={() => { setOpen(false); onArrange(mode); }}>
        {ARRANGE_LABELS[mode]}
      </button>
    );
  };
  return (
    <div className="sd-tool-group">
      <div className="sd-arrange" ref={box} onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}>
        <button type="button" className="sd-tool" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}
          data-testid="toolbar-arrange" title="Align or distribute the selected resources">
          <span>Arrange ▾</span>
        </button>
        {open && (
          <div className="sd-arrange-menu" role="menu" aria-label="Arrange" data-testid="arrange-menu">
            {ALIGN_MODES.map(item)}
            <hr aria-hidden="true" />
            {DISTRIBUTE_MODES.map(item)}
            {reasons.map((r) => <div key={r} className="sd-arrange-reason" role="note">{r}</div>)}
          </div>
        )}
      </div>
      <button type="button" className={`sd-tool sd-tool-compact${snapOn ? ' is-on' : ''}`} aria-pressed={snapOn} aria-label="Snap to grid"
        onClick={onToggleSnap} title="Snap to the 20 px grid while dragging (Shift+G)" data-testid="toolbar-snap">
        <span aria-hidden="true">#</span><span>Snap</span>
      </button>
      <button type="button" className="sd-tool sd-tool-compact" aria-label="Keyboard shortcuts" onClick={onShowShortcuts}
        title="Keyboard shortcuts (?)" data-testid="toolbar-shortcuts">
        <span aria-hidden="true">?</span>
      </button>
    </div>
  );
}
