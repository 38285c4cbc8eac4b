import { dec, Dec, formatQuantity, ZERO } from '../money';
import type { Estimator } from '../types';
import { estimateFunctionLogs } from './serverless';
import { fmt, transferLines } from './serverless/support';

const SECONDS_PER_HOUR = 3600;
const INCLUDED_EPHEMERAL_MB = 512;
const ASYNC_FIRST_CHUNK_KB = 256;
const ASYNC_CHUNK_KB = 64;
/** "Provisioned Concurrency is calculated from the time you enable it on your function until it is
 *  disabled, rounded up to the nearest 5 minutes" (https://aws.amazon.com/lambda/pricing/). */
const PC_INCREMENT_MINUTES = 5;
const HOURS_PER_DAY = 24;

/** Billed hours of provisioned concurrency in a month of `hoursPerMonth` under a daily schedule:
 *  `hoursPerDay` (default 24) on each of `daysPerMonth` days (default every day: hoursPerMonth / 24),
 *  each daily period rounded up to 5 minutes, at most the whole month. */
export function provisionedSchedule(hoursPerMonth: number, hoursPerDay: number | undefined, daysPerMonth: number | undefined): { hours: Dec; from: string } {
  if (hoursPerDay === undefined && daysPerMonth === undefined) return { hours: dec(hoursPerMonth), from: `${hoursPerMonth} h (always on)` };
  const perDay = hoursPerDay ?? HOURS_PER_DAY;
  const days = daysPerMonth === undefined ? dec(hoursPerMonth).div(HOURS_PER_DAY) : dec(daysPerMonth);
  // Minutes to 6 places first, so that a period entered as an exact multiple of 5 minutes in hours
  // (1/12 h) is not pushed to the next increment by a float's last digit.
  const minutes = dec(perDay).times(60).toDecimalPlaces(6);
  const billedMinutes = minutes.div(PC_INCREMENT_MINUTES).ceil().times(PC_INCREMENT_MINUTES);
  const uncapped = daysPerMonth === undefined ? billedMinutes.div(60 * HOURS_PER_DAY).times(hoursPerMonth) : billedMinutes.div(60).times(daysPerMonth);
  const hours = Dec.min(uncapped, hoursPerMonth);
  const rounded = billedMinutes.eq(minutes) ? '' : ` (${fmt(minutes)} min a day rounded up to ${fmt(billedMinutes)} min: 5-minute increments)`;
  const daysWords = daysPerMonth === undefined ? `every day (${fmt(days)} days in ${hoursPerMonth} h)` : `${fmt(days)} days a month`;
  const capped = uncapped.gt(hoursPerMonth) ? `, capped at the ${hoursPerMonth}-h month` : '';
  return { hours, from: `${fmt(billedMinutes.div(60))} h a day${rounded} × ${daysWords} = ${fmt(hours)} h${capped}` };
}

/** Lambda: requests, duration GB-s (1 ms rounding, volume tiers per architecture), ephemeral storage
 *  above 512 MB (AWS's definition: extra GB × duration), provisioned concurrency (PC GB-s for the
 *  hours of its schedule — `provisionedHoursPerDay` × `provisionedDaysPerMonth`, always on when
 *  neither is entered — plus the lower duration price for the invocations it serves: with traffic
 *  spread evenly over the month, the share falling in PC's hours, up to its capacity; the on-demand
 *  price for the rest), async payloads above 256 KB billed as extra requests per 64 KB chunk, the
 *  function's CloudWatch Logs (serverless/logs.ts) and its data transfer lines (support.ts
 *  transferLines: out to the internet, cross-AZ, inter-Region). */
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
    const schedule = provisionedSchedule(ctx.hoursPerMonth, usage.provisionedHoursPerDay, usage.provisionedDaysPerMonth);
    const pcGbs = memoryGb.times(pc).times(schedule.hours).times(SECONDS_PER_HOUR);
    lines.push(ctx.line(node, 'Provisioned concurrency', `lambda.provisionedConcurrency.${p.architecture}`, pcGbs, `${pc} environments × ${p.memoryMb} MB × ${schedule.from}`));
    // Traffic is taken as spread evenly over the month: the share of it that falls in the hours PC is
    // on runs on PC (up to its capacity), the rest on demand.
    const share = schedule.hours.div(ctx.hoursPerMonth);
    const served = Dec.min(gbSeconds.times(share), pcGbs);
    const shareWords = share.eq(1) ? 'PC on all month' : `traffic spread evenly over the month: ${fmt(share.times(100))}% of it falls in the ${fmt(schedule.hours)} h PC is on`;
    lines.push(ctx.line(node, 'Duration on provisioned concurrency', `lambda.provisionedDuration.${p.architecture}`, served, `${durationFrom}; ${shareWords}, up to the provisioned capacity`));
    onDemandGbs = gbSeconds.minus(served);
  }
  if (pc === 0 || onDemandGbs.gt(ZERO)) {
    lines.push(ctx.line(node, pc > 0 ? 'Duration above provisioned concurrency' : 'Duration', `lambda.duration.${p.architecture}`, onDemandGbs, pc > 0 ? `${durationFrom}, beyond the provisioned capacity or outside its hours` : durationFrom));
  }
  if (p.ephemeralStorageMb > INCLUDED_EPHEMERAL_MB) {
    const extraGb = dec(p.ephemeralStorageMb - INCLUDED_EPHEMERAL_MB).div(1024);
    lines.push(ctx.line(node, 'Ephemeral storage above 512 MB', 'lambda.ephemeralStorage', extraGb.times(invocations).times(durationMs).div(1000), `${p.ephemeralStorageMb - INCLUDED_EPHEMERAL_MB} MB above the included 512 MB × ${formatQuantity(invocations.toDecimalPlaces(0))} invocations × ${durationMs} ms`));
  }
  return [...lines, ...estimateFunctionLogs(ctx, node), ...transferLines(ctx, node)];
};
