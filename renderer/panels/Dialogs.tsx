import { useEffect, useRef, type ReactNode } from 'react';
import { formatProblem, type Problem } from '../../core/model/problems';
import type { EdgeKind } from '../../core/model/edges';

export function Modal({ title, onClose, children, testId, wide, className }: { title: string; onClose(): void; children: ReactNode; testId: string; wide?: boolean; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('button, [href], input, select')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="sd-modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={`sd-modal${wide ? ' is-wide' : ''}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={box}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** A file that could not be read: what is wrong and where, and the reassurance that nothing changed. */
export function ProblemDialog({ title, intro, problems, onClose }: { title: string; intro: string; problems: readonly Problem[]; onClose(): void }) {
  return (
    <Modal title={title} onClose={onClose} testId="problem-dialog" wide>
      <p>{intro}</p>
      <ul className="sd-dialog-problems">
        {problems.slice(0, 50).map((p, i) => <li key={i} className="sd-mono">{formatProblem(p)}</li>)}
        {problems.length > 50 && <li>… and {problems.length - 50} more</li>}
      </ul>
      <div className="sd-dialog-actions"><button type="button" className="sd-button sd-primary" onClick={onClose}>OK</button></div>
    </Modal>
  );
}

/** A template that could not be read: the parser's message (with its line and column) and the
 *  reassurance that nothing changed. */
export function ImportErrorDialog({ fileName, message, onClose }: { fileName: string; message: string; onClose(): void }) {
  return (
    <Modal title={`Cannot import ${fileName}`} onClose={onClose} testId="import-error" wide>
      <p className="sd-mono sd-import-error-text" data-testid="import-error-message">{message}</p>
      <p>Nothing was imported; the canvas is unchanged.</p>
      <div className="sd-dialog-actions"><button type="button" className="sd-button sd-primary" onClick={onClose}>OK</button></div>
    </Modal>
  );
}

export interface ConfirmRequest { title: string; message: string; confirmLabel: string; resolve(ok: boolean): void }

export function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  return (
    <Modal title={request.title} onClose={() => request.resolve(false)} testId="confirm-dialog">
      <p>{request.message}</p>
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" onClick={() => request.resolve(false)}>Cancel</button>
        <button type="button" className="sd-button sd-danger" onClick={() => request.resolve(true)} data-testid="confirm-ok">{request.confirmLabel}</button>
      </div>
    </Modal>
  );
}

// New… and the first screen: panels/WelcomeScreen.tsx (the template gallery with previews, recent files).

const EDGE_HELP: Record<EdgeKind, string> = {
  trigger: 'the source delivers events that run the target',
  invoke: 'the function calls the other function',
  destination: 'where the result of an async invocation goes',
  deadLetter: 'where events that keep failing go',
  access: 'the function reads, writes or publishes to it',
};

/** Shown where a connection was dropped when AWS allows more than one kind of edge there. */
export function ConnectMenu({ at, fromName, toName, kinds, onPick, onClose }: { at: { x: number; y: number }; fromName: string; toName: string; kinds: readonly EdgeKind[]; onPick(kind: EdgeKind): void; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('button')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    // Capture phase, on pointerdown: the canvas's drag and pan handlers (d3) stop mousedown from
    // reaching the window, so a click on a node or the pane left the menu open and did nothing else.
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const left = Math.min(at.x, window.innerWidth - 300);
  const top = Math.min(at.y, window.innerHeight - 60 - kinds.length * 52);
  return (
    <div className="sd-connect-menu" role="menu" aria-label="Connection kind" ref={menu} style={{ left, top }} data-testid="connect-menu" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="sd-connect-title">Connect {fromName} → {toName} as</div>
      {kinds.map((k) => (
        <button key={k} type="button" role="menuitem" className="sd-connect-item" onClick={() => onPick(k)} data-testid={`connect-as-${k}`}>
          <strong>{k === 'deadLetter' ? 'dead-letter' : k}</strong>
          <span className="sd-muted">{EDGE_HELP[k]}</span>
        </button>
      ))}
    </div>
  );
}

export interface ToastMessage { id: number; tone: 'error' | 'info'; text: string }

export function Toasts({ toasts, onDismiss }: { toasts: readonly ToastMessage[]; onDismiss(id: number): void }) {
  return (
    <div className="sd-toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`sd-toast sd-toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
          <span>{t.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(t.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
