import { canConnect } from './connections';
import type { Design, DesignEdge, DesignNode } from './design';
import type { EdgeKind } from './edges';

/** An edge the analysis leaves out because AWS refuses it (issue 14: one finding per cause). The
 *  loader reports the refusal once, as a `connection` problem (references.ts); no rule, retry path,
 *  network path or cost line then treats the edge as if it existed. */
export interface SetAsideEdge {
  /** The edge's id, name ("topic → handler") and kind. */
  edge: string;
  name: string;
  kind: EdgeKind;
  /** Why AWS refuses it: canConnect's reason, or the refused edge this one belongs to. */
  reason: string;
  /** The catalog rule whose check this refusal is, when the reason cites one ("(INV-05)"): that
   *  rule's finding is then the one report of the cause, and the loader's problem is folded into it. */
  ruleId?: string;
  /** A destination or dead-letter edge set aside because the subscription, rule target or mapping
   *  it belongs to (`via`) is refused: the id of that edge. */
  belongsTo?: string;
}

const RULE_CITED = /\(((?:INV|RETRY|NET|CFG|CONC|COST)-\d{2})\)/;

const memo = new WeakMap<Design, { kept: Design; setAside: readonly SetAsideEdge[] }>();

function split(design: Design): { kept: Design; setAside: readonly SetAsideEdge[] } {
  const known = memo.get(design);
  if (known) return known;
  const nodes = new Map<string, DesignNode>();
  for (const n of design.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const name = (e: DesignEdge) => `${nodes.get(e.from)?.name ?? e.from} → ${nodes.get(e.to)?.name ?? e.to}`;
  const setAside: SetAsideEdge[] = [];
  const refused = new Map<string, SetAsideEdge>();
  for (const e of design.edges) {
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    // Dangling edges are removed by the loader; a design built in code may still hold one: not ours.
    if (!from || !to) continue;
    const verdict = canConnect(from, to, e.kind, e.props as Record<string, unknown>);
    if (verdict.ok) continue;
    const cited = RULE_CITED.exec(verdict.reason)?.[1];
    const entry: SetAsideEdge = { edge: e.id, name: name(e), kind: e.kind, reason: verdict.reason, ...(cited ? { ruleId: cited } : {}) };
    setAside.push(entry);
    refused.set(e.id, entry);
  }
  // A destination or dead-letter queue of a refused subscription / rule target / mapping belongs to
  // something that cannot exist: set aside too, reported once through the edge it belongs to.
  if (refused.size) {
    for (const e of design.edges) {
      if (refused.has(e.id) || (e.kind !== 'destination' && e.kind !== 'deadLetter')) continue;
      const owner = e.props.via === undefined ? undefined : refused.get(e.props.via);
      if (!owner) continue;
      setAside.push({ edge: e.id, name: name(e), kind: e.kind, reason: `belongs to the ${owner.kind} edge ${owner.name}, which AWS refuses`, belongsTo: owner.edge });
    }
  }
  const gone = new Set(setAside.map((s) => s.edge));
  const result = setAside.length
    ? { kept: { ...design, edges: design.edges.filter((e) => !gone.has(e.id)) }, setAside }
    : { kept: design, setAside };
  memo.set(design, result);
  if (result.kept !== design) memo.set(result.kept, { kept: result.kept, setAside: [] });
  return result;
}

/** The edges of a design that AWS refuses (and those that belong to one), in design order. */
export const refusedEdges = (design: Design): readonly SetAsideEdge[] => split(design).setAside;

/** The design without the edges AWS refuses: the same object when there are none (memoised per
 *  design object, so every analysis entry point can call it). */
export const withoutRefusedEdges = (design: Design): Design => split(design).kept;
