import { memo, useMemo } from 'react';
import { formatNumber } from '../../core/format';
import { formatDuration, type RetryHop, type RetryPath } from '../../core/semantics';
import { RetryHopView } from './PathDetails';
import { AnalysisTablePanel } from './AnalysisTablePanel';
import type { Column } from './SortableTable';

interface RetryPathsPanelProps {
  paths: readonly RetryPath[];
  onSelectEdge(id: string): void;
  /** The selected edge, to mark the row whose verdict is about it. */
  selectedEdge?: string;
  /** Paths traced beyond those listed (the analysis keeps the first 1,000), and whether tracing
   *  stopped at its budget so that there are more still. */
  omitted?: number;
  truncated?: boolean;
}

/** The hop a path's verdict is about: where events are lost, else the last one (where they end up). */
export const verdictHop = (p: RetryPath): RetryHop => p.hops.find((h) => h.lost) ?? p.hops[p.hops.length - 1];

/** The verdict in words (never colour alone). */
export function retryVerdict(p: RetryPath): string {
  const lost = p.hops.find((h) => h.lost);
  if (lost) return `Events can be lost at ${lost.source.name} → ${lost.function.name}`;
  if (p.loopsBackTo) return `Loops back to ${p.loopsBackTo.name}; every failure is caught`;
  return 'Every failure is caught';
}

const chain = (p: RetryPath) => [p.hops[0].source.name, ...p.hops.map((h) => h.function.name)].join(' → ');
const sinksOf = (p: RetryPath) => {
  const last = verdictHop(p);
  return last.sinks.length ? last.sinks.map((s) => s.node.name).join(', ') : '—';
};

const COLUMNS: readonly Column<RetryPath>[] = [
  { key: 'path', label: 'Path', sortValue: chain, render: chain },
  { key: 'verdict', label: 'Verdict', sortValue: (p) => (p.lost ? 0 : 1), render: (p) => <span className={`sd-verdict-text ${p.lost ? 'is-no' : 'is-yes'}`}>{p.lost ? '✕ ' : '✓ '}{retryVerdict(p)}</span> },
  { key: 'hops', label: 'Hops', numeric: true, sortValue: (p) => p.hops.length, render: (p) => p.hops.length },
  { key: 'attempts', label: 'Invocations at worst', numeric: true, sortValue: (p) => p.invocationsWorstCase, render: (p) => p.invocationsWorstCase ?? 'unbounded' },
  { key: 'worst', label: 'Worst case to a sink', numeric: true, sortValue: (p) => p.worstCaseSeconds, render: (p) => (p.worstCaseSeconds === null ? 'unbounded' : formatDuration(p.worstCaseSeconds)) },
  { key: 'sink', label: 'Failed events end in', sortValue: sinksOf, render: sinksOf },
];

/** Every retry path of the design, as `serverless-designer retry-paths` prints it: where a failing
 *  event goes, after how many invocations and how long, and whether it can be lost. A row selects
 *  the connection its verdict is about; its details show each hop. */
export const RetryPathsPanel = memo(function RetryPathsPanel({ paths, onSelectEdge, selectedEdge, omitted = 0, truncated = false }: RetryPathsPanelProps) {
  const lost = useMemo(() => paths.filter((p) => p.lost).length, [paths]);
  if (!paths.length) {
    return <p className="sd-muted sd-analysis-table-empty" data-testid="retry-paths-empty">No retry paths: no event source or function invokes a function in this design.</p>;
  }
  return (
    <AnalysisTablePanel
      testId="retry-paths"
      command="retry-paths"
      summary={<>{paths.length} path{paths.length === 1 ? '' : 's'} from an event source through functions; {lost ? <strong>{lost} can lose events</strong> : 'none loses events'}.{omitted || truncated ? <span data-testid="retry-paths-omitted"> {truncated ? 'At least ' : ''}{formatNumber(omitted)} more path{omitted === 1 && !truncated ? ' is' : 's are'} not listed{truncated ? ' (tracing stops after 20,000)' : ''}.</span> : null}</>}
      label="Retry paths"
      rowTestId="retry-row"
      columns={COLUMNS}
      rows={paths}
      rowKey={(p) => p.id}
      rowLabel={chain}
      rowData={(p) => ({ edge: verdictHop(p).edge, lost: String(p.lost) })}
      onSelectRow={(p) => onSelectEdge(verdictHop(p).edge)}
      selectedKey={selectedEdge === undefined ? undefined : paths.find((p) => verdictHop(p).edge === selectedEdge)?.id}
      details={(p) => (
        <div className="sd-analysis-table-details">
          {p.hops.map((h) => (
            <div key={h.edge} className="sd-analysis-table-hop">
              <button type="button" className="sd-link-button" onClick={() => onSelectEdge(h.edge)} data-testid="retry-hop-select">Select {h.source.name} → {h.function.name}</button>
              <RetryHopView hop={h} />
            </div>
          ))}
        </div>
      )}
    />
  );
});
