import type { DesignNode, NodeOfKind } from '../../../model/design';
import { dec, type Dec } from '../../money';
import type { EstimateContext } from '../../types';
import { dataOutLine, fmt, kbToGb, type Line, unpriced } from './support';

/** Retention days to months: a month of the catalog's 730 h is 365 / 12 days. */
const retentionMonths = (days: number): Dec => dec(days).times(12).div(365);
/** Stored log volume is shown as it stands after 12 months of steady ingestion: a log group that
 *  never expires grows every month, so a horizon must be named. */
const HORIZON_MONTHS = 12;

/** How many months of a steady monthly ingestion a log group holds, and the words saying so:
 *  retention days / (365/12), capped at 12 months — the steady state for retention up to a year; for
 *  longer retention or a group that never expires (null), the volume held after 12 months. */
export function monthsKept(retentionDays: number | null): { months: Dec; words: string } {
  if (retentionDays === null) return { months: dec(HORIZON_MONTHS), words: `never expires: the volume held after ${HORIZON_MONTHS} months, and growing` };
  const months = retentionMonths(retentionDays);
  if (months.gt(HORIZON_MONTHS)) return { months: dec(HORIZON_MONTHS), words: `${retentionDays}-day retention: the volume held after ${HORIZON_MONTHS} months, still growing` };
  return { months, words: `${retentionDays}-day retention = ${fmt(months)} months kept (steady state)` };
}

/** The log group node a function sends its logs to, when it names one that exists. */
export function logGroupOf(ctx: EstimateContext, fn: NodeOfKind<'lambda'>): NodeOfKind<'logGroup'> | undefined {
  const target = fn.props.logGroup === null ? undefined : ctx.index.node(fn.props.logGroup);
  return target?.kind === 'logGroup' ? target : undefined;
}

/** The GB of logs a function writes a month: invocations × `logKbPerInvocation` / 1024²; `kb`
 *  undefined when nothing is entered (every invocation logs something, so that is unpriced). */
export function functionLogVolume(ctx: EstimateContext, fn: DesignNode): { invocations: Dec; kb: number | undefined; gb: Dec; words: string } {
  const invocations = dec(ctx.traffic.nodes[fn.id]?.invocations ?? 0);
  const kb = ctx.usage(fn.id).logKbPerInvocation;
  return { invocations, kb, gb: kbToGb(invocations.times(kb ?? 0)), words: `${fmt(invocations)} invocations × ${fmt(kb ?? 0)} KB of logs` };
}

/** CloudWatch Logs of a function (for the Lambda estimator to call: `lambda` is priced by
 *  estimators/lambda.ts). A function whose logs go to a log group node (its `logGroup` setting) has
 *  no lines here: the log group bills them (estimators/serverless/logGroup.ts), once.
 *  Otherwise, its own /aws/lambda group: ingestion GB = invocations × `logKbPerInvocation` / 1024²,
 *  at the tiered Lambda vended-logs price where the catalog has it (P107; tiers across all functions
 *  of the design), else the standard ingestion price (P103); storage GB-month = monthly ingestion ×
 *  the months kept (`monthsKept`). Stored size is taken as ingested size (no compression credit): an
 *  upper bound. No `logKbPerInvocation` entered: unpriced, as every invocation logs something. */
export function estimateFunctionLogs(ctx: EstimateContext, node: DesignNode): Line[] {
  if (node.kind !== 'lambda' || logGroupOf(ctx, node)) return [];
  const { invocations, kb, gb, words: ingested } = functionLogVolume(ctx, node);
  if (kb === undefined) {
    return invocations.isZero() ? [] : [unpriced(node, 'CloudWatch Logs', `enter logKbPerInvocation at "${node.name}" in the usage profile to price its log ingestion and storage`)];
  }
  const vended = ctx.price('logs.lambdaVendedIngestion') !== undefined;
  const kept = monthsKept(node.props.logRetentionDays);
  return [
    ctx.line(node, vended ? 'Log ingestion (Lambda vended logs)' : 'Log ingestion', vended ? 'logs.lambdaVendedIngestion' : 'logs.ingestion', gb, ingested),
    ctx.line(node, 'Log storage', 'logs.storage', gb.times(kept.months), `${fmt(gb)} GB a month (${ingested}) × ${kept.words}`),
  ];
}

/** Data transfer out to the internet entered at a function (`dataOutGbPerMonth`), for the Lambda
 *  estimator to call; tiered with API Gateway's and any other DTO of the design (P116). */
export function estimateFunctionDataOut(ctx: EstimateContext, node: DesignNode): Line[] {
  return node.kind === 'lambda' ? dataOutLine(ctx, node) : [];
}
