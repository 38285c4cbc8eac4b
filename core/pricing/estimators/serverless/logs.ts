import type { DesignNode } from '../../../model/design';
import { dec, Dec } from '../../money';
import type { EstimateContext } from '../../types';
import { dataOutLine, fmt, kbToGb, type Line, unpriced } from './support';

/** Retention days to months: a month of the catalog's 730 h is 365 / 12 days. */
const retentionMonths = (days: number): Dec => dec(days).times(12).div(365);
/** Stored log volume is shown as it stands after 12 months of steady ingestion: a log group that
 *  never expires grows every month, so a horizon must be named. */
const HORIZON_MONTHS = 12;

/** CloudWatch Logs of a function (for the Lambda estimator to call: `lambda` is priced by
 *  estimators/lambda.ts). Ingestion GB = invocations × `logKbPerInvocation` / 1024², at the tiered
 *  Lambda vended-logs price where the catalog has it (P107; tiers across all functions of the
 *  design), else the standard ingestion price (P103). Storage GB-month = monthly ingestion × the
 *  months it is kept: retention days / (365/12), capped at 12 months — the steady state for
 *  retention up to a year; for longer retention or a group that never expires, the volume held after
 *  12 months (it keeps growing). Stored size is taken as ingested size (no compression credit): an
 *  upper bound. No `logKbPerInvocation` entered: unpriced, as every invocation logs something. */
export function estimateFunctionLogs(ctx: EstimateContext, node: DesignNode): Line[] {
  if (node.kind !== 'lambda') return [];
  const invocations = dec(ctx.traffic.nodes[node.id]?.invocations ?? 0);
  const kb = ctx.usage(node.id).logKbPerInvocation;
  if (kb === undefined) {
    return invocations.isZero() ? [] : [unpriced(node, 'CloudWatch Logs', `enter logKbPerInvocation at "${node.name}" in the usage profile to price its log ingestion and storage`)];
  }
  const gb = kbToGb(invocations.times(kb));
  const ingested = `${fmt(invocations)} invocations × ${fmt(kb)} KB of logs`;
  const vended = ctx.price('logs.lambdaVendedIngestion') !== undefined;
  const retention = node.props.logRetentionDays;
  const keptMonths = retention === null ? dec(HORIZON_MONTHS) : Dec.min(retentionMonths(retention), HORIZON_MONTHS);
  const kept = retention === null
    ? `never expires: the volume held after ${HORIZON_MONTHS} months, and growing`
    : retentionMonths(retention).gt(HORIZON_MONTHS)
      ? `${retention}-day retention: the volume held after ${HORIZON_MONTHS} months, still growing`
      : `${retention}-day retention = ${fmt(keptMonths)} months kept (steady state)`;
  return [
    ctx.line(node, vended ? 'Log ingestion (Lambda vended logs)' : 'Log ingestion', vended ? 'logs.lambdaVendedIngestion' : 'logs.ingestion', gb, ingested),
    ctx.line(node, 'Log storage', 'logs.storage', gb.times(keptMonths), `${fmt(gb)} GB a month (${ingested}) × ${kept}`),
  ];
}

/** Data transfer out to the internet entered at a function (`dataOutGbPerMonth`), for the Lambda
 *  estimator to call; tiered with API Gateway's and any other DTO of the design (P116). */
export function estimateFunctionDataOut(ctx: EstimateContext, node: DesignNode): Line[] {
  return node.kind === 'lambda' ? dataOutLine(ctx, node) : [];
}
