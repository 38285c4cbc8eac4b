import { memo, type ReactNode } from 'react';
import type { Severity } from '../../core/rules/types';
import { severityCount } from './Severity';

export interface ToolbarProps {
  title: string;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  canDelete: boolean;
  mod: string;
  onNew(): void;
  onOpen(): void;
  onSave(): void;
  onSaveAs(): void;
  /** Import a SAM / CloudFormation / CDK template; export the design as SAM or as a CDK app. */
  onImport(): void;
  onExportSam(): void;
  onExportCdk(): void;
  /** File → Export image… (SVG/PNG of the diagram) and Export report… (the design-review report). */
  onExportImage?(): void;
  onExportReport?(): void;
  /** An import is being laid out. */
  importing?: boolean;
  onUndo(): void;
  onRedo(): void;
  onDelete(): void;
  /** Findings per severity, for the badge; clicking it shows the findings panel. */
  findingCounts: Record<Severity, number>;
  /** The analysis of the newest edit is still running (in the analysis worker). */
  analysing?: boolean;
  onShowFindings(): void;
  /** The "Paths" overlay: access edges coloured by reachability, lost retry paths marked. */
  pathsOn: boolean;
  onTogglePaths(): void;
  /** Variants of the design kept in the file: every name, the one being edited, and the actions. */
  alternatives?: readonly string[];
  currentAlternative?: string;
  onDuplicateAlternative?(): void;
  onSwitchAlternative?(name: string): void;
  /** "$": each node's monthly cost as a badge on the canvas (off by default; the "$" key too). */
  costBadgesOn?: boolean;
  onToggleCostBadges?(): void;
  /** Colour theme: System (follows the OS), Light or Dark; the button steps through them. */
  themeChoice?: 'system' | 'light' | 'dark';
  onCycleTheme?(): void;
  /** Auto-layout: "Auto-layout selection" when two or more nodes are selected; busy while ELK runs. */
  onAutoLayout?(): void;
  autoLayoutLabel?: string;
  autoLayoutBusy?: boolean;
  /** Diagram editing tools (Arrange menu, snap, shortcut sheet: EditTools.tsx). */
  editTools?: ReactNode;
}

function Icon({ d }: { d: string }) {
  return <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round"><path d={d} /></svg>;
}

const ICONS = {
  new: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6M12 12v6M9 15h6',
  open: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  save: 'M5 3h11l5 5v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM7 3v6h8M7 21v-7h10v7',
  saveAs: 'M5 3h11l5 5v5M7 3v6h8M3 5v14a2 2 0 0 0 2 2h7M16 17h6M19 14v6',
  undo: 'M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'm15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3',
  delete: 'M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6',
  import: 'M12 3v12M7 10l5 5 5-5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  exportSam: 'M12 15V3M7 8l5-5 5 5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  exportCdk: 'M8 9l-4 3 4 3M16 9l4 3-4 3M13 6l-2 12',
  paths: 'M5 6a2 2 0 1 0 0 .01M19 18a2 2 0 1 0 0 .01M7 6h6a4 4 0 0 1 0 8h-2a4 4 0 0 0 0 8',
  duplicate: 'M8 8h11v11H8zM5 16H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h11a1 1 0 0 1 1 1v1M13.5 11v5M11 13.5h5',
  system: 'M3 4h18v12H3zM8 20h8M12 16v4',
  light: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  dark: 'M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z',
  autoLayout: 'M3 4h6v5H3zM15 4h6v5h-6zM9 15h6v5H9zM9 6.5h6M6 9v3.5h12V9M12 12.5V15',
  exportImage: 'M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9a1 1 0 1 0 0 .01',
  exportReport: 'M7 3h7l5 5v13H7zM14 3v5h5M10 12h6M10 15h6M10 18h4',
};

const THEME_NEXT = { system: 'light', light: 'dark', dark: 'system' } as const;
const THEME_NAMES = { system: 'System', light: 'Light', dark: 'Dark' } as const;

/** Buttons whose icon says enough: on a narrow window they drop their text (title and aria-label stay). */
const ICON_ONLY_WHEN_NARROW = new Set<keyof typeof ICONS>(['undo', 'redo', 'delete']);

function FindingsBadge({ counts, onClick, analysing }: { counts: Record<Severity, number>; onClick(): void; analysing: boolean }) {
  const summary = `${severityCount('error', counts.error)}, ${severityCount('warning', counts.warning)}, ${severityCount('info', counts.info)}`;
  // While the newest edit is analysed (off the UI thread), the counts are the previous edit's: said.
  const status = analysing ? ' (analysing the latest edit…)' : '';
  return (
    <button type="button" className={`sd-tool sd-findings-badge${analysing ? ' is-analysing' : ''}`} onClick={onClick} title={`Findings: ${summary}${status} — show the findings panel`} aria-label={`Findings: ${summary}${status}`} aria-busy={analysing} data-testid="toolbar-findings" data-analysing={analysing ? 'true' : 'false'} style={analysing ? { opacity: 0.7 } : undefined}>
      <span className={`sd-badge-count is-error${counts.error ? '' : ' is-zero'}`} data-testid="badge-errors">✕ {counts.error}</span>
      <span className={`sd-badge-count is-warning${counts.warning ? '' : ' is-zero'}`} data-testid="badge-warnings">! {counts.warning}</span>
      <span>Findings</span>
    </button>
  );
}

/** "Duplicate as alternative" and the switcher between the variants kept in the file. */
function AlternativeTools(p: ToolbarProps) {
  const names = p.alternatives ?? [];
  return (
    <div className="sd-tool-group" role="group" aria-label="Alternatives">
      <button type="button" className="sd-tool sd-tool-compact sd-tool-narrow-icon" onClick={p.onDuplicateAlternative} aria-label="Duplicate as alternative"
        title="Duplicate as alternative: keep this variant and edit a copy (both stay in the file; compare them in the Compare tab)" data-testid="toolbar-duplicateAlternative">
        <Icon d={ICONS.duplicate} /><span>Duplicate</span>
      </button>
      {names.length > 1 && (
        <select className="sd-tool-select" value={p.currentAlternative} onChange={(e) => p.onSwitchAlternative?.(e.target.value)}
          aria-label="Alternative being edited" title="Alternative being edited: pick another to switch (one undo step)" data-testid="toolbar-alternative">
          {names.map((n) => <option key={n} value={n}>Alternative {n}</option>)}
        </select>
      )}
    </div>
  );
}

/** File and edit actions. Every button works or says why it cannot (disabled with a reason). */
export const Toolbar = memo(function Toolbar(p: ToolbarProps) {
  const button = (key: keyof typeof ICONS, label: string, onClick: () => void, shortcut: string, enabled = true, why?: string) => (
    <button type="button" className={`sd-tool${ICON_ONLY_WHEN_NARROW.has(key) ? ' sd-tool-narrow-icon' : ''}`} onClick={onClick} disabled={!enabled} title={enabled ? `${label} (${shortcut})` : why} aria-label={label} data-testid={`toolbar-${key}`}>
      <Icon d={ICONS[key]} />
      <span>{label.replace(/ \(.*\)$/, '')}</span>
    </button>
  );
  return (
    <header className="sd-toolbar" role="toolbar" aria-label="File, edit and analysis">
      <div className="sd-brand" aria-hidden="true">
        <svg width="22" height="22" viewBox="0 0 24 24"><rect width="24" height="24" rx="5" fill="#232f3e" /><path d="M6 16l4-8 3 6 2-3 3 5" fill="none" stroke="#ff9900" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg>
      </div>
      <div className="sd-tool-group">
        {button('new', 'New…', p.onNew, `${p.mod}+N`)}
        {button('open', 'Open…', p.onOpen, `${p.mod}+O`)}
        {button('save', 'Save', p.onSave, `${p.mod}+S`)}
        {button('saveAs', 'Save As…', p.onSaveAs, `${p.mod}+Shift+S`)}
      </div>
      <div className="sd-tool-group" role="group" aria-label="Infrastructure as code">
        {button('import', p.importing ? 'Importing…' : 'Import…', p.onImport, `${p.mod}+I`, !p.importing, 'Laying out the imported template…')}
        <span className="sd-tool-caption" aria-hidden="true">Export</span>
        <button type="button" className="sd-tool sd-tool-compact" onClick={p.onExportSam} title={`Export an AWS SAM template (${p.mod}+E)`} aria-label="Export SAM…" data-testid="toolbar-exportSam">
          <Icon d={ICONS.exportSam} /><span>SAM</span>
        </button>
        <button type="button" className="sd-tool sd-tool-compact" onClick={p.onExportCdk} title={`Export an AWS CDK app in TypeScript (${p.mod}+Shift+E)`} aria-label="Export CDK…" data-testid="toolbar-exportCdk">
          <Icon d={ICONS.exportCdk} /><span>CDK</span>
        </button>
        {p.onExportImage && (
          <button type="button" className="sd-tool sd-tool-compact" onClick={p.onExportImage} title={`Export an image of the diagram: SVG or PNG, the whole design or the selection (${p.mod}+Shift+G)`} aria-label="Export image…" data-testid="toolbar-exportImage">
            <Icon d={ICONS.exportImage} /><span>Image</span>
          </button>
        )}
        {p.onExportReport && (
          <button type="button" className="sd-tool sd-tool-compact" onClick={p.onExportReport} title={`Export the design-review report: HTML or Markdown, or print it (${p.mod}+Alt+R; print ${p.mod}+P)`} aria-label="Export report…" data-testid="toolbar-exportReport">
            <Icon d={ICONS.exportReport} /><span>Report</span>
          </button>
        )}
      </div>
      <div className="sd-tool-group">
        {button('undo', p.undoLabel ? `Undo (${p.undoLabel})` : 'Undo', p.onUndo, `${p.mod}+Z`, p.canUndo, 'Nothing to undo')}
        {button('redo', p.redoLabel ? `Redo (${p.redoLabel})` : 'Redo', p.onRedo, `${p.mod}+Shift+Z`, p.canRedo, 'Nothing to redo')}
        {button('delete', 'Delete', p.onDelete, 'Delete', p.canDelete, 'Select a resource or connection to delete')}
      </div>
      {p.onAutoLayout && (
        <div className="sd-tool-group">
          <button type="button" className="sd-tool sd-tool-narrow-icon" onClick={p.onAutoLayout} disabled={p.autoLayoutBusy}
            aria-label={p.autoLayoutLabel ?? 'Auto-layout'} data-testid="toolbar-autoLayout"
            title={p.autoLayoutBusy ? 'Laying out…' : `${p.autoLayoutLabel ?? 'Auto-layout'}: sources left, sinks right, subnets in AZ columns (${p.mod}+Shift+K)`}>
            <Icon d={ICONS.autoLayout} /><span>{p.autoLayoutLabel ?? 'Auto-layout'}</span>
          </button>
        </div>
      )}
      {p.editTools}
      {p.onDuplicateAlternative && <AlternativeTools {...p} />}
      <div className="sd-tool-group">
        <FindingsBadge counts={p.findingCounts} onClick={p.onShowFindings} analysing={p.analysing ?? false} />
        <button
          type="button"
          className={`sd-tool${p.pathsOn ? ' is-on' : ''}`}
          onClick={p.onTogglePaths}
          aria-pressed={p.pathsOn}
          title="Colour access connections by network reachability and mark retry paths that lose events"
          data-testid="toolbar-paths"
        >
          <Icon d={ICONS.paths} />
          <span>Paths</span>
        </button>
        {p.onToggleCostBadges && (
          <button
            type="button"
            className={`sd-tool sd-tool-compact${p.costBadgesOn ? ' is-on' : ''}`}
            onClick={p.onToggleCostBadges}
            aria-pressed={!!p.costBadgesOn}
            aria-label="Cost badges"
            title="Show each resource's monthly cost on the canvas: active usage profile, design region ($)"
            data-testid="toolbar-costBadges"
          >
            <span className="sd-tool-dollar" aria-hidden="true">$</span>
            <span>Cost</span>
          </button>
        )}
      </div>
      <div className="sd-doc-title" data-testid="document-title">
        <span className="sd-doc-name">{p.title}</span>
        {p.dirty && <span className="sd-dirty" data-testid="dirty-marker" title="Unsaved changes">● Unsaved changes</span>}
      </div>
      {p.onCycleTheme && p.themeChoice && (
        <button
          type="button"
          className="sd-tool sd-tool-compact"
          onClick={p.onCycleTheme}
          aria-label={`Theme: ${THEME_NAMES[p.themeChoice]}`}
          title={`Theme: ${THEME_NAMES[p.themeChoice]}${p.themeChoice === 'system' ? ' (follows the OS)' : ''} — click for ${THEME_NAMES[THEME_NEXT[p.themeChoice]]} (${p.mod}+Shift+L)`}
          data-testid="toolbar-theme"
          data-theme-choice={p.themeChoice}
        >
          <Icon d={ICONS[p.themeChoice]} />
        </button>
      )}
    </header>
  );
});
