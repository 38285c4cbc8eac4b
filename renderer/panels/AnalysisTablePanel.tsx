import type { ReactNode } from 'react';
import { SortableTable, type SortableTableProps } from './SortableTable';

const WORST_FIRST = { key: 'verdict', descending: false } as const;

/** The frame the design-wide analysis tabs share (Reachability, Retry paths): a summary line naming
 *  the CLI command that prints the same table, then the sortable table, worst verdict first (each
 *  panel has a `verdict` column). `testId` prefixes the panel's, the summary's and the table's ids. */
export function AnalysisTablePanel<R>({ testId, summary, command, ...table }: { testId: string; summary: ReactNode; command: string } & Omit<SortableTableProps<R>, 'testId' | 'initialSort'>) {
  return (
    <section className="sd-analysis-table-panel" aria-label={table.label} data-testid={`${testId}-panel`}>
      <p className="sd-analysis-table-summary" data-testid={`${testId}-summary`}>
        {summary}
        <span className="sd-muted"> Same as <code>serverless-designer {command}</code>.</span>
      </p>
      <SortableTable {...table} testId={`${testId}-table`} initialSort={WORST_FIRST} />
    </section>
  );
}
