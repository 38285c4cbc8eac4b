import { dec, type Dec, sum } from '../../money';
import type { Estimator } from '../../types';
import { functionLogVolume, monthsKept } from './logs';
import { fmt, type Line, lineOr, unpriced } from './support';

/** CloudWatch Logs log group (https://aws.amazon.com/cloudwatch/pricing/, pricing.md §12):
 *  - ingestion: `ingestedGbPerMonth` entered here, else the logs of the functions whose `logGroup` is
 *    this one (invocations × `logKbPerInvocation`; those functions have no log lines of their own, so
 *    nothing is billed twice). Standard class: Lambda logs at the tiered vended-logs price (P107, tiers
 *    shared with every function's own logs), other logs (no function writes here) at the standard
 *    price (P103). Infrequent Access: its own ingestion price (P104, flat: the vended tiers for IA
 *    are not in the catalog, so above 10 TB this is an upper bound).
 *  - storage GB-month: `storageGb` entered here, else monthly ingestion × the months the retention
 *    keeps (`monthsKept`, a 12-month horizon for groups that never expire). One archival price for
 *    both classes: the copies we have disagree on a separate Infrequent Access storage price ($0.018
 *    in one Price List transcription, $0.05 in a blog) and none is AWS's own text. AWS bills archived data
 *    compressed, and the page's examples assume a ratio ("assume log data compresses to 6GB" for 30 GB
 *    ingested); no ratio is published, so the derived volume is the uncompressed upper bound — enter
 *    `storageGb` for a measured size.
 *  - Logs Insights: `insightsGbScannedPerMonth` at the per-GB-scanned price (both classes run Insights).
 *  The free tier's 5 GB each of ingestion, storage and scanning are credits in estimate.ts. */
export const estimateLogGroup: Estimator = (ctx, node) => {
  if (node.kind !== 'logGroup') return [];
  const usage = ctx.usage(node.id);
  const infrequent = node.props.logGroupClass === 'INFREQUENT_ACCESS';
  const writers = ctx.index.ofKind('lambda').filter((fn) => fn.props.logGroup === node.id);
  const lines: Line[] = [];

  let gb: Dec;
  let from: string;
  if (usage.ingestedGbPerMonth !== undefined) {
    gb = dec(usage.ingestedGbPerMonth);
    from = `${fmt(usage.ingestedGbPerMonth)} GB a month entered at "${node.name}"`;
  } else {
    const volumes = writers.map((fn) => ({ fn, ...functionLogVolume(ctx, fn) }));
    const unknown = volumes.filter((v) => v.kb === undefined && !v.invocations.isZero());
    for (const v of unknown) {
      lines.push(unpriced(node, `Log ingestion from "${v.fn.name}"`, `enter logKbPerInvocation at "${v.fn.name}" (or ingestedGbPerMonth at "${node.name}") to price the logs it sends here`));
    }
    const priced = volumes.filter((v) => v.kb !== undefined);
    gb = sum(priced.map((v) => v.gb));
    const names = (list: readonly { fn: { name: string } }[]) => list.map((v) => `"${v.fn.name}"`).join(', ');
    from = priced.map((v) => `"${v.fn.name}": ${v.words}`).join(' + ')
      || (unknown.length ? `the logs of ${names(unknown)} have no size (logKbPerInvocation) and are unpriced`
        : writers.length ? `no traffic reaches ${names(volumes)} in the active profile`
          : `no function sends its logs here and no ingestedGbPerMonth is entered at "${node.name}"`);
  }

  if (infrequent) {
    lines.push(lineOr(ctx, node, 'Log ingestion (Infrequent Access)', 'logs.ingestion.infrequentAccess', gb, from, `no Infrequent Access ingestion price in the ${ctx.region} catalog`));
  } else if (writers.length && ctx.price('logs.lambdaVendedIngestion')) {
    lines.push(ctx.line(node, 'Log ingestion (Lambda vended logs)', 'logs.lambdaVendedIngestion', gb, from));
  } else {
    lines.push(ctx.line(node, 'Log ingestion', 'logs.ingestion', gb, from));
  }

  const kept = monthsKept(node.props.retentionInDays);
  lines.push(usage.storageGb !== undefined
    ? ctx.line(node, 'Log storage', 'logs.storage', dec(usage.storageGb), `${fmt(usage.storageGb)} GB entered at "${node.name}"`)
    : ctx.line(node, 'Log storage', 'logs.storage', gb.times(kept.months), `${fmt(gb)} GB a month ingested × ${kept.words}; stored size taken as ingested (uncompressed upper bound)`));

  if (usage.insightsGbScannedPerMonth) {
    const scanned = usage.insightsGbScannedPerMonth;
    lines.push(lineOr(ctx, node, 'Logs Insights queries', 'logs.insights.scannedGb', dec(scanned), `${fmt(scanned)} GB scanned a month entered at "${node.name}"`, `no Logs Insights price in the ${ctx.region} catalog`));
  }
  return lines;
};
