import { memo, useMemo } from 'react';
import type { Reach, Reachability } from '../../core/semantics';
import { ReachabilityView } from './PathDetails';
import { AnalysisTablePanel } from './AnalysisTablePanel';
import type { Column } from './SortableTable';

interface ReachabilityPanelProps {
  reachability: readonly Reachability[];
  onSelectEdge(id: string): void;
  selectedEdge?: string;
}

/** Verdicts in words, with a mark that does not rely on colour. */
export const REACH_WORDS: Record<Reach, string> = { yes: '✓ reachable', partial: '◐ partly reachable', no: '✕ not reachable' };
const REACH_ORDER: Record<Reach, number> = { no: 0, partial: 1, yes: 2 };

const destinationOf = (r: Reachability) => (r.destination === 'awsApi' ? `${r.service ?? 'AWS'} API` : r.destination === 'internet' ? 'internet' : 'in the VPC');
const subnetsOk = (r: Reachability) => {
  const fromSubnets = r.paths.filter((p) => p.subnet);
  if (!fromSubnets.length) return r.paths.length ? 'Lambda network' : '—';
  return `${fromSubnets.filter((p) => p.reachable).length} of ${fromSubnets.length}`;
};
const breaksAt = (r: Reachability) => (r.reachable === 'yes' ? '' : `${r.brokenAt ? `${r.brokenAt.name}: ` : ''}${r.reason ?? 'no path'}${r.ruleId ? ` (${r.ruleId})` : ''}`);
const route = (r: Reachability) => `${r.from.name} → ${r.to.name}`;

const COLUMNS: readonly Column<Reachability>[] = [
  { key: 'edge', label: 'Function → target', sortValue: route, render: route },
  { key: 'verdict', label: 'Verdict', sortValue: (r) => REACH_ORDER[r.reachable], render: (r) => <span className={`sd-verdict-text is-${r.reachable}`}>{REACH_WORDS[r.reachable]}</span> },
  { key: 'destination', label: 'Destination', sortValue: destinationOf, render: destinationOf },
  { key: 'port', label: 'Port', numeric: true, sortValue: (r) => r.port, render: (r) => `TCP ${r.port}` },
  { key: 'subnets', label: 'Subnets that reach it', sortValue: (r) => { const s = r.paths.filter((p) => p.subnet); return s.length ? s.filter((p) => p.reachable).length / s.length : null; }, render: subnetsOk },
  { key: 'breaks', label: 'Where it breaks', sortValue: (r) => breaksAt(r) || null, render: breaksAt },
];

/** Every access edge from a function with its network verdict, as `serverless-designer reach`
 *  prints it. A row selects the connection; its details show the path hop by hop per subnet/AZ. */
export const ReachabilityPanel = memo(function ReachabilityPanel({ reachability, onSelectEdge, selectedEdge }: ReachabilityPanelProps) {
  const counts = useMemo(() => ({ no: reachability.filter((r) => r.reachable === 'no').length, partial: reachability.filter((r) => r.reachable === 'partial').length }), [reachability]);
  if (!reachability.length) {
    return <p className="sd-muted sd-analysis-table-empty" data-testid="reachability-empty">Nothing to check: no function accesses anything over the network.</p>;
  }
  return (
    <AnalysisTablePanel
      testId="reachability"
      command="reach"
      summary={<>
        {reachability.length} connection{reachability.length === 1 ? '' : 's'} from functions;{' '}
        {counts.no || counts.partial
          ? <strong>{[counts.no && `${counts.no} not reachable`, counts.partial && `${counts.partial} partly reachable`].filter(Boolean).join(', ')}</strong>
          : 'every one reachable'}.
      </>}
      label="Reachability"
      rowTestId="reach-row"
      columns={COLUMNS}
      rows={reachability}
      rowKey={(r) => r.edge}
      rowLabel={route}
      rowData={(r) => ({ edge: r.edge, reach: r.reachable })}
      onSelectRow={(r) => onSelectEdge(r.edge)}
      selectedKey={selectedEdge}
      details={(r) => <ReachabilityView reach={r} />}
    />
  );
});
