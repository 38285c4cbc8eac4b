import { dec, type Dec } from '../../money';
import type { Estimator } from '../../types';
import { fmt, inflows, type Line, readInflows, totalEvents, transferLines, unpriced } from './support';

/** S3 bucket (Standard class): storage GB-month from the bucket's `storageGb` (tiers, P78), PUT
 *  requests (tier 1, P80) = objects written — every event entering the bucket (uploads entered at
 *  it, functions' write edges, failure destinations) — and GET requests (tier 2, P81) = reads by
 *  functions' read/readWrite access edges. One request per object (no multipart parts, no LIST).
 *  `putRequestsPerMonth` / `getRequestsPerMonth` entered at the bucket replace the derived numbers
 *  (all tier-1 / tier-2 requests: PUT, COPY, POST, LIST / GET, SELECT and the rest). Plus the
 *  transfer entered at the bucket (support.ts transferLines).
 *  Other storage classes have other storage and request prices, absent from the catalog: unpriced. */
export const estimateS3Bucket: Estimator = (ctx, node) => {
  if (node.kind !== 's3Bucket') return [];
  if (node.props.storageClass !== 'STANDARD') {
    return [unpriced(node, 'all', `the catalog has S3 Standard prices only (pricing.md §8); ${node.props.storageClass} storage and requests are priced differently`), ...transferLines(ctx, node)];
  }
  const lines: Line[] = [];
  const storageGb = ctx.usage(node.id).storageGb;
  lines.push(storageGb === undefined
    ? unpriced(node, 'Storage', `enter storageGb at "${node.name}" in the usage profile to price its storage`)
    : ctx.line(node, 'Storage (Standard)', 's3.storage.standard', dec(storageGb), `${fmt(storageGb)} GB entered at "${node.name}"`));
  const usage = ctx.usage(node.id);
  const writes = inflows(ctx, node);
  const derivedPuts = totalEvents(writes);
  lines.push(usage.putRequestsPerMonth !== undefined
    ? ctx.line(node, 'PUT, COPY, POST, LIST requests (tier 1)', 's3.requests.tier1', dec(usage.putRequestsPerMonth), `${fmt(usage.putRequestsPerMonth)} a month entered at "${node.name}"${replaces(derivedPuts, 'writes')}`)
    : ctx.line(node, 'PUT requests (tier 1)', 's3.requests.tier1', derivedPuts, writes.map((f) => f.from).join(' + ') || `no objects are written to "${node.name}" in the active profile`));
  const reads = readInflows(ctx, node);
  const derivedGets = totalEvents(reads);
  if (usage.getRequestsPerMonth !== undefined) {
    lines.push(ctx.line(node, 'GET, SELECT and other requests (tier 2)', 's3.requests.tier2', dec(usage.getRequestsPerMonth), `${fmt(usage.getRequestsPerMonth)} a month entered at "${node.name}"${replaces(derivedGets, 'reads')}`));
  } else if (reads.length) {
    lines.push(ctx.line(node, 'GET requests (tier 2)', 's3.requests.tier2', derivedGets, reads.map((f) => f.from).join(' + ')));
  }
  return [...lines, ...transferLines(ctx, node)];
};

const replaces = (derived: Dec, what: string): string => derived.isZero() ? '' : ` (replaces the ${fmt(derived)} ${what} reaching it by its edges)`;
