import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Severity } from '../../core/rules/types';
import { requestFindingsSearchFocus } from './FindingsPanel';

export type DockTab = 'findings' | 'retryPaths' | 'reachability' | 'cost' | 'usage' | 'import' | 'compare';
export const DEFAULT_TABS: readonly DockTab[] = ['findings', 'retryPaths', 'reachability', 'cost', 'usage', 'compare'];

interface AnalysisDockProps {
  tab: DockTab;
  open: boolean;
  counts: Record<Severity, number>;
  /** The tabs shown; 'import' appears while the document is an imported template. */
  tabs?: readonly DockTab[];
  /** Skipped resources of the import, for the import tab's count. */
  importSkipped?: number;
  onTab(tab: DockTab): void;
  onToggleOpen(): void;
  /** Only the visible tab's panel is rendered (and computed). */
  children: ReactNode;
}

/** The panel under the canvas: findings, the design-wide retry-path and reachability tables, cost,
 *  usage and compare, as tabs (arrow keys move between them). */
export function AnalysisDock({ tab, open, counts, tabs: TABS = DEFAULT_TABS, importSkipped = 0, onTab, onToggleOpen, children }: AnalysisDockProps) {
  const id = useId();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const showsFindings = open && tab === 'findings';
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
    onTab(next);
    tabs.current[next]?.focus();
  };
  const label = (t: DockTab) => (t === 'findings'
    ? <>Findings <span className={`sd-count${counts.error ? ' is-error' : counts.warning ? ' is-warning' : ''}`} data-testid="findings-count">{counts.error + counts.warning + counts.info}</span></>
    : t === 'retryPaths' ? <>Retry paths</> : t === 'reachability' ? <>Reachability</>
    : t === 'compare' ? <>Compare</> : t === 'cost' ? <>Cost</> : t === 'usage' ? <>Usage</> : <>Import report <span className={`sd-count${importSkipped ? ' is-warning' : ''}`} title={`${importSkipped} skipped`}>{importSkipped}</span></>);
  return (
    <section
      className={`sd-dock${open ? ' is-open' : ''}`}
      aria-label="Analysis"
      data-testid="analysis-dock"
      onKeyDown={(e) => {
        // Ctrl/Cmd+F anywhere in the dock searches the findings (the findings panel takes it when shown).
        if (e.isDefaultPrevented() || e.key.toLowerCase() !== 'f' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
        e.preventDefault();
        requestFindingsSearchFocus();
        if (!showsFindings) onTab('findings');
      }}
    >
      <div className="sd-dock-bar">
        <div role="tablist" aria-label="Analysis" className="sd-tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t}
              ref={(el) => { tabs.current[t] = el; }}
              type="button"
              role="tab"
              id={`${id}-${t}`}
              aria-selected={open && tab === t}
              aria-controls={`${id}-panel`}
              tabIndex={tab === t ? 0 : -1}
              className={`sd-tab${open && tab === t ? ' is-active' : ''}`}
              onClick={() => (open && tab === t ? onToggleOpen() : onTab(t))}
              data-testid={`dock-tab-${t}`}
            >
              {label(t)}
            </button>
          ))}
        </div>
        <button type="button" className="sd-icon-button sd-dock-toggle" onClick={onToggleOpen} aria-expanded={open} aria-controls={`${id}-panel`} title={open ? 'Hide the analysis panel' : 'Show the analysis panel'} data-testid="dock-toggle">
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
          <span className="sd-sr-only">{open ? 'Hide the analysis panel' : 'Show the analysis panel'}</span>
        </button>
      </div>
      {open && (
        <div className="sd-dock-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
          {children}
        </div>
      )}
    </section>
  );
}
