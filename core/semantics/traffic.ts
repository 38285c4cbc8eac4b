import { formatNumber } from '../format';
import { indexDesign, type DesignIndex } from '../graph';
import type { Design, DesignEdge, DesignNode, NodeUsage } from '../model/design';
import { boundedForAnalysis } from '../model/bounded';
import { withoutRefusedEdges } from '../model/setAside';
import { MAX_MONTHLY_VOLUME } from '../model/limits';
import { own, userKeyed } from '../model/own';
import { queueRedrive } from './failure';
import { invocationModel } from './invocation';
import { effectiveTrigger } from './settings';

/** Monthly volume at a node. `events`: requests, messages, publishes, records or notifications that
 *  arrive; for functions also `invocations` (batches, retries included). `from` says, in words,
 *  where the numbers came from, so no volume is typed twice and every cost line can cite it. */
export interface NodeTraffic {
  events: number;
  invocations: number;
  from: string[];
}

export interface EdgeTraffic {
  events: number;
  from: string;
}

export interface Traffic {
  profile: string | null;
  nodes: Record<string, NodeTraffic>;
  edges: Record<string, EdgeTraffic>;
  notes: string[];
  /** The nodes on loops (or downstream of one), in design order, and whether a volume was capped:
   *  what `notes` says, as data. */
  loops: readonly DesignNode[];
  capped: boolean;
}

const WRITE_MODES: readonly string[] = ['write', 'readWrite', 'publish'];
const fmt = (n: number) => formatNumber(Number.isInteger(n) ? n : Number(n.toPrecision(6)));

/** Expected attempts when each attempt fails with probability `e`, with `retries` retries. */
export const expectedAttempts = (e: number, retries: number): number => {
  // The geometric series 1 + e + … + e^retries in closed form: a loop per retry ran a billion times
  // for maximumRetryAttempts 1e9 and never ended for maxReceiveCount 1e308 (issue 13).
  const n = Math.max(0, Math.floor(Number.isFinite(retries) ? retries : 0));
  if (!(e > 0)) return 1;
  if (e >= 1) return n + 1;
  return (1 - e ** (n + 1)) / (1 - e);
};

/** The active (or named) usage profile's volumes carried along the edges: SNS fan-out to every
 *  subscriber, SQS/stream batches dividing invocations, retries multiplying them under a
 *  function's error rate, functions writing per invocation, buses feeding their rules. rate()
 *  schedules fire over `hoursPerMonth` (the pricing convention, 730 unless 720 is asked for). */
export function propagateTraffic(input: Design, profileName: string | null = input.usage.active, hoursPerMonth = HOURS_PER_MONTH): Traffic {
  const design = withoutRefusedEdges(boundedForAnalysis(input));
  const index = indexDesign(design);
  const profile = own(design.usage.profiles, profileName);
  const usage = (id: string): NodeUsage => own(profile?.nodes, id) ?? {};
  // Keyed by node and edge ids, which people choose: `constructor` must be an id like any other.
  const nodes = userKeyed<NodeTraffic>();
  const edges = userKeyed<EdgeTraffic>();
  const notes: string[] = [];
  const at = (id: string) => (nodes[id] ??= { events: 0, invocations: 0, from: [] });
  // Entered volumes are bounded (limits.ts USAGE_LIMITS), but fan-out and writes per invocation
  // multiply them along a chain: every volume is capped at MAX_MONTHLY_VOLUME, so none overflows to
  // Infinity (1e308 requests priced "Infinity a month", issue 13), said once in the notes.
  let capped = false;
  const cap = (v: number): number => {
    if (v <= MAX_MONTHLY_VOLUME) return v > 0 ? v : 0;
    capped = true;
    return MAX_MONTHLY_VOLUME;
  };

  for (const n of design.nodes) {
    const written = usage(n.id).requestsPerMonth ?? scheduledFirings(n, design, hoursPerMonth);
    const entered = written === undefined ? undefined : cap(written);
    if (entered) {
      at(n.id).events = cap(at(n.id).events + entered);
      at(n.id).from.push(usage(n.id).requestsPerMonth ? `${fmt(entered)} a month entered at "${n.name}"` : `${fmt(entered)} firings a month of ${(n.props as { scheduleExpression: string }).scheduleExpression}`);
      // Requests entered at a function are direct invocations (SDK, console, other accounts).
      if (n.kind === 'lambda') at(n.id).invocations = cap(at(n.id).invocations + entered);
    }
  }

  const order = flowOrder(index);
  const done = new Set<string>();
  const send = (edge: DesignEdge | undefined, to: DesignNode, volume: number, why: string) => {
    const events = cap(volume);
    if (edge) edges[edge.id] = { events, from: why };
    if (done.has(to.id) || events <= 0) return;
    const t = at(to.id);
    t.events = cap(t.events + events);
    t.from.push(why);
  };
  const invoke = (fn: DesignNode, invocations: number, why: string) => {
    if (done.has(fn.id)) return;
    at(fn.id).invocations = cap(at(fn.id).invocations + cap(invocations));
    at(fn.id).from.push(why);
  };

  for (const node of order.nodes) {
    const t = at(node.id);
    done.add(node.id);
    const e = usage(node.id).errorRate ?? 0;
    if (node.kind === 'lambda') {
      // Logical events in; invocations (retries included) were added by the edges that deliver them.
      for (const edge of index.outgoing(node.id)) {
        const target = index.node(edge.to);
        if (!target) continue;
        const per = own(profile?.edges, edge.id)?.perInvocation;
        if (edge.kind === 'access' && (WRITE_MODES.includes(edge.props.mode) || (edge.props.mode === 'invoke' && target.kind === 'stepFunction'))) {
          send(edge, target, t.invocations * (per ?? 1), `${fmt(per ?? 1)} per invocation of "${node.name}"${per === undefined ? ' (assumed: no perInvocation given)' : ''} × ${fmt(t.invocations)} invocations`);
        } else if (edge.kind === 'access') {
          edges[edge.id] = { events: cap(t.invocations * (per ?? 1)), from: `${fmt(per ?? 1)} per invocation of "${node.name}"` };
        } else if (edge.kind === 'invoke') {
          const calls = t.invocations * (per ?? 1);
          send(edge, target, calls, `${fmt(per ?? 1)} call per invocation of "${node.name}"`);
          if (target.kind === 'lambda') invoke(target, edge.props.mode === 'async' ? calls * expectedAttempts(usage(target.id).errorRate ?? 0, target.props.asyncConfig.maximumRetryAttempts) : calls, `called by "${node.name}"`);
        } else if (edge.kind === 'destination' || edge.kind === 'deadLetter') {
          const retries = node.props.asyncConfig.maximumRetryAttempts;
          const failed = t.events * e ** (retries + 1);
          const volume = edge.kind === 'destination' && edge.props.on === 'success' ? t.events - failed : failed;
          send(edge, target, volume, `${edge.kind === 'deadLetter' ? 'dead letters' : `on-${edge.kind === 'destination' ? edge.props.on : 'failure'} records`} of "${node.name}" (error rate ${e})`);
          if (target.kind === 'lambda') invoke(target, volume, `destination of "${node.name}"`);
        }
      }
      continue;
    }
    const outs: { edge?: DesignEdge; to: DesignNode }[] = index.outgoing(node.id, 'trigger').map((edge) => ({ edge, to: index.node(edge.to)! })).filter((o) => o.to);
    if (node.kind === 'eventBus') for (const rule of index.children(node.id)) outs.push({ to: rule });
    for (const { edge, to } of outs) {
      if (!edge) {
        // A rule gets the bus's events unless its own matching volume is entered.
        if (!usage(to.id).requestsPerMonth) send(undefined, to, t.events, `all ${fmt(t.events)} events of bus "${node.name}" (no matching volume entered at the rule)`);
        continue;
      }
      const perRun = node.kind === 'stepFunction' ? own(profile?.edges, edge.id)?.perInvocation ?? 1 : 1;
      const events = t.events * perRun;
      const why = node.kind === 'snsTopic' ? `every publish to "${node.name}" (fan-out)` : node.kind === 'stepFunction' ? `${fmt(perRun)} per execution of "${node.name}"` : `from "${node.name}"`;
      send(edge, to, events, why);
      if (to.kind !== 'lambda') continue;
      const fe = usage(to.id).errorRate ?? 0;
      const model = invocationModel(index, edge);
      if (model === 'poll' && edge.kind === 'trigger') {
        const settings = effectiveTrigger(node.kind, edge);
        const redrive = node.kind === 'sqsQueue' ? queueRedrive(index, node.id) : undefined;
        const attempts = node.kind === 'sqsQueue'
          ? expectedAttempts(fe, (redrive?.props.maxReceiveCount ?? 10) - 1)
          : expectedAttempts(fe, settings.maximumRetryAttempts < 0 ? 10 : settings.maximumRetryAttempts);
        invoke(to, (events / settings.batchSize) * attempts, `${fmt(events)} ${node.kind === 'sqsQueue' ? 'messages' : 'records'} from "${node.name}" in batches of ${settings.batchSize}${fe ? ` × ${fmt(attempts)} expected attempts (error rate ${fe})` : ''}`);
        if (redrive && fe) {
          const dlq = index.node(redrive.to);
          if (dlq) send(redrive, dlq, events * fe ** (redrive.props.maxReceiveCount ?? 10), `messages of "${node.name}" failing ${redrive.props.maxReceiveCount ?? 10} receives (error rate ${fe})`);
        }
      } else if (model === 'async') {
        const attempts = expectedAttempts(fe, to.props.asyncConfig.maximumRetryAttempts);
        invoke(to, events * attempts, `${fmt(events)} async events from "${node.name}"${fe ? ` × ${fmt(attempts)} expected attempts (error rate ${fe})` : ''}`);
      } else {
        invoke(to, events, `${fmt(events)} synchronous requests from "${node.name}"`);
      }
    }
  }
  notes.push(...trafficNotes(order.loops, capped));
  return { profile: profile ? profileName : null, nodes, edges, notes, loops: order.loops, capped };
}

/** The notes of a propagation: the nodes on loops (in design order), and whether a volume was capped.
 *  Also made from parts' propagations put together (core/incremental/cost.ts). */
export function trafficNotes(loops: readonly DesignNode[], capped: boolean): string[] {
  const notes: string[] = [];
  // At most 30 names: a loop of 10,000 functions made this one note 89 KB long (issue 13).
  const looped = loops.slice(0, loops.length > 30 ? 29 : 30).map((n) => `"${n.name}"`).join(', ');
  if (loops.length) notes.push(`Loops (${looped}${loops.length > 30 ? ` and ${formatNumber(loops.length - 29)} more` : ''}): events that come back around a loop are not counted again.`);
  if (capped) notes.push(`Some volumes multiply along the edges beyond ${formatNumber(MAX_MONTHLY_VOLUME)} a month; they are counted as ${formatNumber(MAX_MONTHLY_VOLUME)} (check the requests and per-invocation counts entered).`);
  return notes;
}

const RATE = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/;
const UNIT_SECONDS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86400, days: 86400 };
/** The month AWS prices by (730 h). */
const HOURS_PER_MONTH = 730;

/** Firings a month of a rate() schedule; undefined for cron (its volume must be entered). */
export function scheduledFirings(node: DesignNode, _design?: Design, hoursPerMonth = HOURS_PER_MONTH): number | undefined {
  if (node.kind !== 'eventRule' || node.props.ruleType !== 'schedule') return undefined;
  const m = RATE.exec(node.props.scheduleExpression.trim());
  return m ? (hoursPerMonth * 3600) / (Number(m[1]) * UNIT_SECONDS[m[2]]) : undefined;
}

/** Nodes in the order volumes flow (sources first); nodes on loops come after, in design order. */
function flowOrder(index: DesignIndex): { nodes: DesignNode[]; loops: DesignNode[] } {
  const design = index.design;
  const next = new Map<string, string[]>();
  const indegree = new Map<string, number>(design.nodes.map((n) => [n.id, 0]));
  const link = (from: string, to: string) => {
    if (!indegree.has(from) || !indegree.has(to)) return;
    (next.get(from) ?? next.set(from, []).get(from)!).push(to);
    indegree.set(to, indegree.get(to)! + 1);
  };
  for (const e of design.edges) if (e.kind !== 'access' || WRITE_MODES.includes(e.props.mode) || e.props.mode === 'invoke') link(e.from, e.to);
  for (const n of design.nodes) if (n.kind === 'eventRule' && n.parent) link(n.parent, n.id);
  const queue = design.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const ordered: DesignNode[] = [];
  for (let i = 0; i < queue.length; i++) {
    ordered.push(index.node(queue[i])!);
    for (const to of next.get(queue[i]) ?? []) {
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) queue.push(to);
    }
  }
  const placed = new Set(queue);
  const loops = design.nodes.filter((n) => !placed.has(n.id));
  return { nodes: [...ordered, ...loops], loops };
}
