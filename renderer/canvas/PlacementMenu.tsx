import { useEffect, useRef, useState } from 'react';
import type { SubnetChoice } from './dropPlan';

/** What the user dropped where, asked at the drop point (styled like the connection menu). */
export type PlacementQuestion =
  | { type: 'subnet'; nodeName: string; subnet: { id: string; name: string }; current: number; alreadyIn: boolean }
  | { type: 'vpc'; nodeName: string; vpcName: string; choices: readonly SubnetChoice[]; preselected: readonly string[]; canDetach?: boolean };

/** null: cancelled; `detach`: take it out of its VPC (offered from the keyboard's "N"). */
export type PlacementAnswer = { mode: 'add' | 'replace'; subnets: string[] } | { mode: 'detach' } | null;

/** "Add Private subnet B (3 subnets)" / "Only Private subnet B" / Cancel, or a VPC's subnets as
 *  checkboxes (one private subnet per AZ ticked) and Attach. Escape or a click elsewhere cancels. */
export function PlacementMenu({ at, question, onAnswer }: { at: { x: number; y: number }; question: PlacementQuestion; onAnswer(answer: PlacementAnswer): void }) {
  const menu = useRef<HTMLDivElement>(null);
  const [ticked, setTicked] = useState<string[]>(question.type === 'vpc' ? [...question.preselected] : []);
  const answer = useRef(onAnswer);
  answer.current = onAnswer;
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('button:not([disabled]), input')?.focus();
    const away = (e: MouseEvent) => {
      // Undo/Redo buttons cancel it themselves (App's undo: a cancelled drag IS the undo step).
      if (e.target instanceof Element && e.target.closest('[data-testid="toolbar-undo"], [data-testid="toolbar-redo"]')) return;
      if (!menu.current?.contains(e.target as Node)) answer.current(null);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, []);
  const rows = question.type === 'vpc' ? question.choices.length + 2 : 3;
  const left = Math.max(8, Math.min(at.x, window.innerWidth - 330));
  const top = Math.max(8, Math.min(at.y, window.innerHeight - 90 - rows * 34));
  const title = question.type === 'subnet' ? `Place ${question.nodeName} in ${question.subnet.name}` : `Place ${question.nodeName} in ${question.vpcName}: which subnets?`;
  return (
    <div
      className="sd-connect-menu sd-placement-menu"
      role={question.type === 'subnet' ? 'menu' : 'dialog'}
      aria-label={title}
      ref={menu}
      style={{ left, top }}
      data-testid="placement-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onAnswer(null);
        }
      }}
    >
      <div className="sd-connect-title">{title}</div>
      {question.type === 'subnet' ? (
        <>
          {!question.alreadyIn && (
            <button type="button" role="menuitem" className="sd-connect-item" data-testid="placement-add" onClick={() => onAnswer({ mode: 'add', subnets: [question.subnet.id] })}>
              <strong>Add {question.subnet.name} ({question.current + 1} subnets)</strong>
              <span className="sd-muted">keep its other subnets as well</span>
            </button>
          )}
          <button type="button" role="menuitem" className="sd-connect-item" data-testid="placement-only" onClick={() => onAnswer({ mode: 'replace', subnets: [question.subnet.id] })}>
            <strong>Only {question.subnet.name}</strong>
            <span className="sd-muted">take it out of its other subnets</span>
          </button>
          <button type="button" role="menuitem" className="sd-connect-item" data-testid="placement-cancel" onClick={() => onAnswer(null)}>
            <strong>Cancel</strong>
            <span className="sd-muted">put it back where it was</span>
          </button>
        </>
      ) : (
        <>
          <div className="sd-placement-choices" role="group" aria-label="Subnets">
            {question.choices.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={ticked.includes(c.id)}
                  onChange={(e) => setTicked((t) => (e.target.checked ? [...t, c.id] : t.filter((id) => id !== c.id)))}
                  data-testid={`placement-subnet-${c.id}`}
                />
                {c.name} <span className="sd-muted">· AZ {c.az} · {c.isPrivate ? 'private' : 'public'}</span>
              </label>
            ))}
            {!question.choices.length && <span className="sd-muted">{question.vpcName} has no subnets yet.</span>}
          </div>
          <div className="sd-placement-actions">
            {question.canDetach && <button type="button" className="sd-button" data-testid="placement-detach" onClick={() => onAnswer({ mode: 'detach' })}>Take out of VPC</button>}
            <button type="button" className="sd-button" data-testid="placement-cancel" onClick={() => onAnswer(null)}>Cancel</button>
            <button type="button" className="sd-button sd-primary" data-testid="placement-attach" disabled={!ticked.length} onClick={() => onAnswer({ mode: 'replace', subnets: ticked })}>Attach</button>
          </div>
        </>
      )}
    </div>
  );
}
