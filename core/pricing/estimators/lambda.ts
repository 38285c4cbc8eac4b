import { dec, Dec, formatQuantity, ZERO } from '../money';
import type { Estimator } from '../types';
import { estimateFunctionDataOut, estimateFunctionLogs } from './serverless';

const SECONDS_PER_HOUR = 3600;
const INCLUDED_EPHEMERAL_MB = 512;
const ASYNC_FIRST_CHUNK_KB = 256;
const ASYNC_CHUNK_KB = 64;

/** Lambda: requests, duration GB-s (1 ms rounding, volume tiers per architecture), ephemeral storage
 *  above 512 MB (AWS's definition: extra GB × duration), provisioned concurrency (PC GB-s for the
 *  month plus the lower duration price for invocations it serves; on-demand price for the overflow),
 *  async payloads above 256 KB billed as extra requests per 64 KB chunk, and the function's
 *  CloudWatch Logs and data transfer out (serverless/logs.ts). */
export const estimateLambda: Estimator = (ctx, node) => {
  if (node.kind !== 'lambda') return [];
  const p = node.props;
  const traffic = ctx.traffic.nodes[node.id];
  const invocations = dec(traffic?.invocations ?? 0);
  const usage = ctx.usage(node.id);
  const durationMs = Math.ceil(usage.avgDurationMs ?? 0);
  const memoryGb = dec(p.memoryMb).div(1024);
  const from = traffic?.from.join(' + ') || 'no traffic reaches this function in the active profile';
  const durationFrom = `${formatQuantity(invocations.toDecimalPlaces(0))} invocations × ${durationMs} ms (avg, rounded up to 1 ms) × ${p.memoryMb} MB`;
  const lines = [ctx.line(node, 'Requests', 'lambda.requests', invocations, from)];

  const payloadKb = usage.avgPayloadKb ?? 0;
  if (payloadKb > ASYNC_FIRST_CHUNK_KB && ctx.index.incoming(node.id).some((e) => e.kind === 'trigger' && ['s3Bucket', 'snsTopic', 'eventRule'].includes(ctx.index.node(e.from)?.kind ?? ''))) {
    const extra = Math.ceil((Math.min(payloadKb, 1024) - ASYNC_FIRST_CHUNK_KB) / ASYNC_CHUNK_KB);
    lines.push(ctx.line(node, 'Async payload chunks', 'lambda.requests', invocations.times(extra), `${extra} extra 64 KB chunk(s) per ${payloadKb} KB async event`));
  }

  const gbSeconds = invocations.times(durationMs).div(1000).times(memoryGb);
  const pc = p.provisionedConcurrency;
  let onDemandGbs: Dec = gbSeconds;
  if (pc > 0) {
    const pcGbs = memoryGb.times(pc).times(ctx.hoursPerMonth * SECONDS_PER_HOUR);
    lines.push(ctx.line(node, 'Provisioned concurrency', `lambda.provisionedConcurrency.${p.architecture}`, pcGbs, `${pc} environments × ${p.memoryMb} MB × ${ctx.hoursPerMonth} h`));
    const served = Dec.min(gbSeconds, pcGbs);
    lines.push(ctx.line(node, 'Duration on provisioned concurrency', `lambda.provisionedDuration.${p.architecture}`, served, `${durationFrom}, up to the provisioned capacity (traffic assumed spread evenly)`));
    onDemandGbs = gbSeconds.minus(served);
  }
  if (pc === 0 || onDemandGbs.gt(ZERO)) {
    lines.push(ctx.line(node, pc > 0 ? 'Duration above provisioned concurrency' : 'Duration', `lambda.duration.${p.architecture}`, onDemandGbs, pc > 0 ? `${durationFrom}, beyond the provisioned capacity` : durationFrom));
  }
  if (p.ephemeralStorageMb > INCLUDED_EPHEMERAL_MB) {
    const extraGb = dec(p.ephemeralStorageMb - INCLUDED_EPHEMERAL_MB).div(1024);
    lines.push(ctx.line(node, 'Ephemeral storage above 512 MB', 'lambda.ephemeralStorage', extraGb.times(invocations).times(durationMs).div(1000), `${p.ephemeralStorageMb - INCLUDED_EPHEMERAL_MB} MB above the included 512 MB × ${formatQuantity(invocations.toDecimalPlaces(0))} invocations × ${durationMs} ms`));
  }
  return [...lines, ...estimateFunctionLogs(ctx, node), ...estimateFunctionDataOut(ctx, node)];
};
