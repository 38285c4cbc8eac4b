import type { DesignNode } from '../../../model/design';
import { dec, type Dec } from '../../money';
import type { EstimateContext, Estimator } from '../../types';
import { fmt, type Line, SECONDS_PER_HOUR, unpriced } from './support';

const UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86400 };

/** Firings a month of a `rate(…)` expression over the catalog's month (730 h); undefined for cron. */
export function scheduleFiringsPerMonth(expression: string, hoursPerMonth: number): number | undefined {
  const m = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(expression.trim());
  return m ? (hoursPerMonth * SECONDS_PER_HOUR) / (Number(m[1]) * UNIT_SECONDS[m[2]]) : undefined;
}

/** A schedule's firings: the volume entered at it, else derived from its rate expression. */
function firings(ctx: EstimateContext, node: NodeOfRule): { count: Dec; from: string } | undefined {
  const entered = ctx.traffic.nodes[node.id]?.events ?? 0;
  if (entered > 0) return { count: dec(entered), from: ctx.traffic.nodes[node.id].from.join(' + ') };
  const derived = scheduleFiringsPerMonth(node.props.scheduleExpression, ctx.hoursPerMonth);
  return derived === undefined ? undefined : { count: dec(derived), from: `${fmt(derived)} firings of ${node.props.scheduleExpression} in ${ctx.hoursPerMonth} h (derived: no requestsPerMonth entered at the schedule)` };
}

type NodeOfRule = Extract<DesignNode, { kind: 'eventRule' }>;

/** EventBridge rule or schedule. Matching and delivering to AWS targets cost nothing (the events
 *  were billed when published to the bus). Billed: EventBridge Scheduler invocations (`scheduler:
 *  true`, one per firing per target, P60); API destination invocations (a rule targeting an
 *  external endpoint, P60). A classic scheduled rule is free — its events are AWS events (P57) —
 *  and gets a $0 line saying so. */
export const estimateEventRule: Estimator = (ctx, node) => {
  if (node.kind !== 'eventRule') return [];
  const lines: Line[] = [];
  const targets = ctx.index.outgoing(node.id, 'trigger');
  if (node.props.ruleType === 'schedule') {
    const fired = firings(ctx, node);
    const component = node.props.scheduler ? 'EventBridge Scheduler invocations' : 'Scheduled rule events (classic scheduled rules are free)';
    if (!fired) {
      lines.push(unpriced(node, component, `enter requestsPerMonth at "${node.name}": firings of ${node.props.scheduleExpression} are not derived from cron expressions`));
    } else if (node.props.scheduler) {
      const perFiring = Math.max(1, targets.length);
      lines.push(ctx.line(node, component, 'eventbridge.scheduler.invocations', fired.count.times(perFiring), `${fired.from}${perFiring > 1 ? ` × ${perFiring} targets (one schedule each)` : ''}`));
    } else {
      lines.push(ctx.line(node, component, 'eventbridge.awsEvents', fired.count, fired.from));
    }
  }
  for (const edge of targets) {
    const target = ctx.index.node(edge.to);
    if (target?.kind !== 'externalEndpoint') continue;
    const t = ctx.traffic.edges[edge.id];
    lines.push(ctx.line(node, `API destination invocations to "${target.name}"`, 'eventbridge.apiDestinations', dec(t?.events ?? 0), t ? `${fmt(t.events)} matched events (${t.from})` : `no events reach "${node.name}" in the active profile`));
  }
  return lines;
};
