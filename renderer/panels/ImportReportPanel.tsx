import { memo } from 'react';
import type { ImportReport, ResourceReport, ResourceStatus } from '../../core/iac/import/report';

interface ImportReportPanelProps {
  report: ImportReport;
  /** Node and edge ids in the current design: a resource whose node was deleted since is not clickable. */
  present: ReadonlySet<string>;
  /** Selects what the resource became: its node, or its connection when it made only an edge
   *  (an event source mapping, a subscription). */
  onSelect(target: { type: 'node' | 'edge'; id: string }): void;
}

const GROUPS: readonly { status: ResourceStatus; title: string; hint: string }[] = [
  { status: 'skipped', title: 'Skipped', hint: 'nothing of these is in the design' },
  { status: 'partial', title: 'Partial', hint: 'in the design, but something about them could not be read' },
  { status: 'imported', title: 'Imported', hint: 'everything the model can say about them was read' },
];

const FLAVOR: Record<ImportReport['flavor'], string> = { sam: 'SAM template', cdk: 'CDK-synthesised template', cloudformation: 'CloudFormation template' };

/** What an import did with every resource of the template, grouped by outcome (skipped first: what
 *  the user most needs to know). A resource that became a node selects it when clicked. */
export const ImportReportPanel = memo(function ImportReportPanel({ report, present, onSelect }: ImportReportPanelProps) {
  const { totals } = report;
  return (
    <section className="sd-import-report" aria-label="Import report" data-testid="import-report">
      <p className="sd-import-summary" data-testid="import-summary">
        <strong>{report.fileName ?? 'Template'}</strong>
        <span className="sd-muted"> · {FLAVOR[report.flavor]} · {totals.resources} resource{totals.resources === 1 ? '' : 's'}: {totals.understood} in the design, {totals.resources - totals.understood} skipped</span>
      </p>
      {report.notes.length > 0 && (
        <ul className="sd-import-notes" data-testid="import-notes">
          {report.notes.map((n, i) => <li key={i}>{n}</li>)}
        </ul>
      )}
      {GROUPS.map(({ status, title, hint }) => {
        const items = report.resources.filter((r) => r.status === status);
        if (!items.length) return null;
        return (
          <section key={status} className="sd-finding-group" aria-label={title} data-testid={`import-${status}`}>
            <h3 className={`sd-finding-group-title is-import-${status}`} title={hint}>{title} <span className="sd-count">{items.length}</span></h3>
            <ul>
              {items.map((r) => <ResourceRow key={r.logicalId} resource={r} present={present} onSelect={onSelect} />)}
            </ul>
          </section>
        );
      })}
    </section>
  );
});

function ResourceRow({ resource: r, present, onSelect }: { resource: ResourceReport; present: ReadonlySet<string>; onSelect: ImportReportPanelProps['onSelect'] }) {
  const node = r.nodes.find((id) => present.has(`node:${id}`));
  const edge = node ? undefined : r.edges.find((id) => present.has(`edge:${id}`));
  const target = node ? { type: 'node' as const, id: node } : edge ? { type: 'edge' as const, id: edge } : undefined;
  const body = (
    <>
      <span className={`sd-import-status is-${r.status}`} aria-hidden="true">{r.status === 'skipped' ? '–' : r.status === 'partial' ? '◐' : '✓'}</span>
      <span className="sd-finding-text">
        <strong>{r.logicalId}</strong> <span className="sd-mono sd-muted">{r.type}</span>
        {r.line !== undefined && <span className="sd-muted"> · line {r.line}</span>}
        {r.condition && <span className="sd-muted"> · only if {r.condition}</span>}
        {r.cdkInternal && <span className="sd-muted"> · CDK internals</span>}
        {r.reasons.map((reason, i) => <span key={`r${i}`} className="sd-import-reason">{reason}</span>)}
        {r.notes.map((note, i) => <span key={`n${i}`} className="sd-import-note">{note}</span>)}
      </span>
    </>
  );
  return (
    <li className="sd-finding" data-testid={`import-row-${r.logicalId}`}>
      {target
        ? <button type="button" className="sd-finding-main" onClick={() => onSelect(target)} title={`Select its ${target.type === 'node' ? 'node' : 'connection'} on the canvas`}>{body}</button>
        : <div className="sd-finding-main is-static">{body}</div>}
    </li>
  );
}
