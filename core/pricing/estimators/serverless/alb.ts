import { dec, type Dec } from '../../money';
import type { Estimator } from '../../types';
import { fmt, inflows, KB_PER_GB, type Line, noTraffic, SECONDS_PER_HOUR, totalEvents, transferLines } from './support';

/** What one LCU contains (https://aws.amazon.com/elasticloadbalancing/pricing/): 25 new connections
 *  per second, 3,000 active connections per minute, 1 GB per hour processed (0.4 GB for Lambda
 *  targets), 1,000 rule evaluations per second, the first 10 rules free. Billing takes the highest
 *  dimension each hour. */
const NEW_CONNECTIONS_PER_LCU = 25;
const LAMBDA_GB_PER_LCU_HOUR = 0.4;
const TARGET_GB_PER_LCU_HOUR = 1;
const RULE_EVALUATIONS_PER_LCU = 1000;
const FREE_RULES = 10;

/** Application Load Balancer: load-balancer hours (730) plus LCU-hours derived from the traffic, and
 *  the data out to the internet entered at it (support.ts transferLines).
 *
 *  Simplification (said in the line): traffic is spread evenly over the month, so LCUs = the highest
 *  of (a) new connections = the request rate / 25, taking one new connection per request — an upper
 *  bound, clients that keep connections alive open fewer; (b) processed GB per hour = requests ×
 *  the ALB's `avgPayloadKb` (request + response) / 0.4 GB for Lambda targets (1 GB for others);
 *  (c) rule evaluations = request rate × (listener rules beyond 10 free; one rule per route edge)
 *  / 1,000. Active connections are not a separate dimension here: with connections shorter than a
 *  minute they are rate × 60 / 3,000, always below (a). */
export const estimateAlb: Estimator = (ctx, node) => {
  if (node.kind !== 'alb') return [];
  const hours = ctx.hoursPerMonth;
  const lines: Line[] = [ctx.line(node, 'Load balancer hours', 'alb.hours', dec(hours), `1 load balancer × ${hours} h (configuration)`)];
  const flows = inflows(ctx, node);
  const requests = totalEvents(flows);
  const perSecond = requests.div(hours * SECONDS_PER_HOUR);
  const routes = ctx.index.outgoing(node.id, 'trigger');
  const lambdaOnly = routes.every((e) => ctx.index.node(e.to)?.kind === 'lambda');
  const kb = ctx.usage(node.id).avgPayloadKb ?? 0;
  const gbPerHour = requests.times(kb).div(KB_PER_GB).div(hours);
  const dimensions: [string, Dec][] = [
    [`new connections: ${fmt(perSecond)} requests/s, one new connection each, / ${NEW_CONNECTIONS_PER_LCU}`, perSecond.div(NEW_CONNECTIONS_PER_LCU)],
    [`processed bytes: ${fmt(gbPerHour)} GB/h (${kb} KB a request${kb ? '' : ': no avgPayloadKb entered at the ALB'}) / ${lambdaOnly ? LAMBDA_GB_PER_LCU_HOUR : TARGET_GB_PER_LCU_HOUR} GB for ${lambdaOnly ? 'Lambda' : 'other'} targets`,
      gbPerHour.div(lambdaOnly ? LAMBDA_GB_PER_LCU_HOUR : TARGET_GB_PER_LCU_HOUR)],
    [`rule evaluations: ${fmt(perSecond)} requests/s × ${Math.max(0, routes.length - FREE_RULES)} rules beyond the ${FREE_RULES} free / ${RULE_EVALUATIONS_PER_LCU}`,
      perSecond.times(Math.max(0, routes.length - FREE_RULES)).div(RULE_EVALUATIONS_PER_LCU)],
  ];
  const [why, lcus] = dimensions.reduce((a, b) => (b[1].gt(a[1]) ? b : a));
  const from = requests.isZero()
    ? noTraffic(node)
    : `${fmt(lcus)} LCU × ${hours} h, the highest dimension being ${why}; ${flows.map((f) => f.from).join(' + ')}; traffic assumed even over the month`;
  lines.push(ctx.line(node, 'Load balancer capacity units', 'alb.lcuHours', lcus.times(hours), from));
  return [...lines, ...transferLines(ctx, node)];
};
