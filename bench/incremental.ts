import { analyze } from '../core/analyze';
import { History } from '../core/commands';
import { createAnalysisSession, createCostSession } from '../core/incremental';
import { parseDesign, type Design } from '../core/model';
import { generateDesign } from './generate';
import { quantile } from './measure';

// Issue 15: incremental re-analysis after one edit (core/incremental), beside a full analysis.
// Each edit is a real editor command (History), applied and undone in turn so the design stays the
// same size; the session is updated after each, so every figure is one edit's re-analysis.

export interface IncrementalFigure { size: number; edit: string; medianMs: number; p95Ms: number; analysedItems: number }

/** What is kept up to date: the analysis (nodes+edges analysed again) or the cost estimate (nodes
 *  priced again). */
export type Incremental = 'analysis' | 'cost';

function sessionOf(what: Incremental): { update(d: Design): unknown; items(): number } {
  if (what === 'cost') {
    const s = createCostSession();
    return { update: (d) => s.update(d), items: () => s.stats.pricedNodes };
  }
  const s = createAnalysisSession();
  return { update: (d) => s.update(d), items: () => s.stats.analysedItems };
}


export function benchIncremental(sizes: readonly number[] = [1000, 5000, 10000], runs = 21, what: Incremental = 'analysis'): IncrementalFigure[] {
  const out: IncrementalFigure[] = [];
  for (const size of sizes) {
    const parsed = parseDesign(JSON.stringify(generateDesign(size)));
    if (!parsed.ok) throw new Error('generated design does not load');
    const design: Design = parsed.design;
    const plain = design.nodes.find((n) => n.kind === 'lambda' && !n.props.vpc)!;
    const inVpc = design.nodes.find((n) => n.kind === 'lambda' && n.props.vpc)!;
    const queue = design.nodes.find((n) => n.kind === 'sqsQueue')!;
    const edits: [string, (h: History, i: number) => void][] = [
      ['property edit (function outside the VPC)', (h, i) => h.apply({ type: 'setProp', nodeId: plain.id, path: ['timeoutSeconds'], value: 10 + (i % 50) })],
      ['property edit (function in the shared VPC)', (h, i) => h.apply({ type: 'setProp', nodeId: inVpc.id, path: ['timeoutSeconds'], value: 10 + (i % 50) })],
      ['one added edge', (h) => h.apply({ type: 'connect', from: plain.id, to: queue.id, kind: 'access', props: { mode: 'write' } })],
      ['one deleted node', (h) => h.apply({ type: 'removeNodes', ids: [queue.id] })],
    ];
    for (const [label, edit] of edits) {
      const history = new History(design);
      const session = sessionOf(what);
      session.update(history.design);
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < runs + 3; i++) {
        // Edit, measure; then undo outside the measurement (its re-analysis is measured as well on
        // odd runs, being one edit too).
        edit(history, i);
        const t = performance.now();
        session.update(history.design);
        const ms = performance.now() - t;
        if (i >= 3) times.push(ms);
        items = session.items();
        history.undo();
        session.update(history.design);
      }
      times.sort((a, b) => a - b);
      const fig = { size, edit: label, medianMs: Number(quantile(times, 0.5).toFixed(2)), p95Ms: Number(quantile(times, 0.95).toFixed(2)), analysedItems: items };
      out.push(fig);
      console.log(`incremental ${what} ${String(size).padStart(5)} nodes, ${label.padEnd(44)} median ${String(fig.medianMs).padStart(7)} ms  p95 ${String(fig.p95Ms).padStart(7)} ms  (${items} ${what === 'cost' ? `of ${design.nodes.length} nodes priced` : `of ${design.nodes.length + design.edges.length} nodes+edges analysed`})`);
    }
    void analyze;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) benchIncremental(process.argv[2] ? [Number(process.argv[2])] : undefined, 21, process.argv.includes('--cost') ? 'cost' : 'analysis');
