import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatProblem } from '../../core/model/problems';
import type { RecentFile } from '../host';
import { kindColor } from '../kindStyle';
import type { Template } from '../templates';
import { templatePreview } from './templatePreview';
import '../styles/welcome.css';

export interface RecentFilesSource {
  /** Designs opened or saved recently, newest first. */
  list(): Promise<RecentFile[]>;
  /** Desktop: an entry reopens the file itself. Browser: only the name is known, so "Open again"
   *  asks for the file. */
  reopens: boolean;
  open(entry: RecentFile): Promise<void>;
}

export interface WelcomeScreenProps {
  /** 'start': the app has just opened; 'new': New… (Ctrl/Cmd+N) over a design. */
  mode: 'start' | 'new';
  templates: readonly Template[];
  dirty: boolean;
  mod: string;
  recent: RecentFilesSource;
  onPick(template: Template): void;
  onBlank(): void;
  onOpen(): void;
  onImport(): void;
  onClose(): void;
}

/** The first screen, and New…: start blank, from a template (each with a preview drawn from its
 *  model, what it teaches and tags), from a recent file, or open/import one. Arrow keys move
 *  between the cards, Enter picks, Escape closes to the canvas. */
export function WelcomeScreen(p: WelcomeScreenProps) {
  const root = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLUListElement>(null);
  const { onClose } = p;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    grid.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    // Escape also closes it when the focus is outside (on the page itself).
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('.sd-modal')) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (previous && previous !== document.body) previous.focus?.();
    };
  }, [onClose]);

  const onGridKey = useCallback((e: KeyboardEvent<HTMLUListElement>) => {
    const cards = [...(grid.current?.querySelectorAll<HTMLButtonElement>('.sd-welcome-card:not(:disabled)') ?? [])];
    const at = cards.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 || !cards.length) return;
    const top = cards[0].offsetTop;
    const columns = Math.max(1, cards.filter((c) => c.offsetTop === top).length);
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns, Home: -at, End: cards.length - 1 - at }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    cards[Math.min(cards.length - 1, Math.max(0, at + step))].focus();
  }, []);

  const title = p.mode === 'start' ? 'Welcome to Serverless Designer' : 'New design';
  return (
    <div className="sd-welcome" role="dialog" aria-modal="true" aria-labelledby="sd-welcome-title" data-testid="welcome" ref={root}
      // A press on the backdrop around the box goes to the canvas, as Escape does.
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="sd-welcome-box">
        <header className="sd-welcome-head">
          <div>
            <h1 id="sd-welcome-title">{title}</h1>
            <p className="sd-muted">Start from a pattern to see what AWS does with it, or open a design. Arrow keys move, Enter picks, Escape goes to the canvas.</p>
          </div>
          <div className="sd-welcome-actions">
            <button type="button" className="sd-button" onClick={p.onOpen} data-testid="welcome-open" title={`Open a design file (${p.mod}+O)`}>Open…</button>
            <button type="button" className="sd-button" onClick={p.onImport} data-testid="welcome-import" title={`Import a SAM, CloudFormation or CDK template (${p.mod}+I)`}>Import template…</button>
            <button type="button" className="sd-icon-button sd-welcome-close" onClick={onClose} aria-label="Close and go to the canvas (Escape)" title="Close (Escape)" data-testid="welcome-close">×</button>
          </div>
        </header>
        {p.dirty && <p className="sd-warning">The current design has unsaved changes: you will be asked whether to save them first.</p>}
        <div className="sd-welcome-body">
          <section className="sd-welcome-templates" aria-label="Templates">
            <ul className="sd-welcome-grid" ref={grid} onKeyDown={onGridKey}>
              <li>
                <button type="button" className="sd-welcome-card" onClick={p.onBlank} data-testid="template-blank">
                  <span className="sd-welcome-preview is-blank" aria-hidden="true">+</span>
                  <span className="sd-welcome-name">Blank design</span>
                  <span className="sd-welcome-teaches">An empty canvas with the low / expected / peak usage profiles.</span>
                </button>
              </li>
              {p.templates.map((t) => <TemplateCard key={t.file} template={t} onPick={p.onPick} />)}
            </ul>
          </section>
          <RecentFiles source={p.recent} />
        </div>
      </div>
    </div>
  );
}

const TemplateCard = memo(function TemplateCard({ template: t, onPick }: { template: Template; onPick(t: Template): void }) {
  return (
    <li>
      <button
        type="button"
        className="sd-welcome-card"
        onClick={() => onPick(t)}
        disabled={!t.design}
        data-testid={`template-${t.slug}`}
        aria-label={`${t.name}: ${t.teaches}`}
        title={t.problems.map(formatProblem).join('\n') || t.description}
      >
        {t.design ? <TemplatePreview template={t} /> : <span className="sd-welcome-preview is-blank" aria-hidden="true">!</span>}
        <span className="sd-welcome-name">{t.name}</span>
        <span className="sd-welcome-teaches">{t.teaches || t.description}</span>
        {t.tags.length > 0 && <span className="sd-welcome-tags" data-testid="template-tags">{t.tags.map((tag) => <span key={tag} className="sd-welcome-tag">{tag}</span>)}</span>}
      </button>
    </li>
  );
});

function TemplatePreview({ template }: { template: Template }) {
  const preview = useMemo(() => (template.design ? templatePreview(template.design) : undefined), [template.design]);
  if (!preview) return null;
  return (
    <svg className="sd-welcome-preview" viewBox={preview.viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden="true" data-testid={`template-preview-${template.slug}`}>
      {preview.boxes.filter((b) => b.container).map((b) => (
        <rect key={b.id} className="sd-preview-container" x={b.x} y={b.y} width={b.width} height={b.height} rx={14} style={{ stroke: kindColor(b.kind) }} data-kind={b.kind} />
      ))}
      {preview.lines.map((l) => <line key={l.id} className={`sd-preview-edge is-${l.kind}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />)}
      {preview.boxes.filter((b) => !b.container).map((b) => (
        <rect key={b.id} className="sd-preview-node" x={b.x} y={b.y} width={b.width} height={b.height} rx={10} style={{ fill: kindColor(b.kind) }} data-kind={b.kind} />
      ))}
    </svg>
  );
}

function RecentFiles({ source }: { source: RecentFilesSource }) {
  const [list, setList] = useState<RecentFile[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { list: listRecent } = source;
  const refresh = useCallback(() => listRecent().then(setList, () => setList([])), [listRecent]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const open = async (entry: RecentFile) => {
    setBusy(true);
    try {
      await source.open(entry);
    } finally {
      setBusy(false);
      void refresh(); // a file that is gone has been taken off the list
    }
  };
  return (
    <section className="sd-welcome-recent" aria-labelledby="sd-welcome-recent-title" data-testid="recent-files">
      <h2 id="sd-welcome-recent-title">Recent files</h2>
      {!source.reopens && <p className="sd-muted sd-welcome-note">A browser cannot reopen a file by its path: “Open again” asks you to pick it.</p>}
      {list === null ? null : list.length === 0 ? (
        <p className="sd-muted sd-welcome-note" data-testid="recent-empty">{source.reopens ? 'Designs you open or save appear here.' : 'Designs you open or save in this browser appear here.'}</p>
      ) : (
        <ul className="sd-welcome-recent-list">
          {list.map((entry, i) => (
            <li key={`${entry.handle}-${i}`}>
              <button type="button" className="sd-welcome-recent-item" disabled={busy} onClick={() => void open(entry)} data-testid="recent-file"
                aria-label={source.reopens ? `Open ${entry.name}` : `Open ${entry.name} again (asks for the file)`}>
                <span className="sd-welcome-recent-name">{entry.name}</span>
                {entry.detail && <span className="sd-muted sd-welcome-recent-detail">{entry.detail}</span>}
                {!source.reopens && <span className="sd-welcome-recent-again">Open again…</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
